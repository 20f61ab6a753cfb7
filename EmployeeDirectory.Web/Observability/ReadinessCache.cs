using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// The readiness report, computed at most once per <see cref="Lifetime"/>: <c>/health/ready</c> is anonymous and
/// each computation queries the database and pings Redis, so however often it is asked (a flood, many probes) the
/// checks run about once a second. Concurrent askers share one computation.
/// </summary>
internal sealed class ReadinessCache(HealthCheckService checks, TimeProvider time)
{
    /// <summary>How long one report answers for.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthReport>? _report;
    private long _computedAt;

    public Task<HealthReport> GetAsync(Func<HealthCheckRegistration, bool> predicate)
    {
        lock (_gate)
        {
            if (_report is { } report && (!report.IsCompleted || time.GetElapsedTime(_computedAt) < Lifetime))
            {
                return report;
            }

            _computedAt = time.GetTimestamp();

            // Not the asker's token: the report is shared, and each check has its own timeout.
            _report = ComputeAsync(predicate);
            return _report;
        }
    }

    private async Task<HealthReport> ComputeAsync(Func<HealthCheckRegistration, bool> predicate)
    {
        var report = await checks.CheckHealthAsync(predicate, CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            // The second counts from when the report is known, not from when it was asked for.
            _computedAt = time.GetTimestamp();
        }

        return report;
    }
}
