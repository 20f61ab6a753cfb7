using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// How many CSV exports run at once: one per caller (API key or account, client address without one), and
/// <c>RateLimits:Export:PerReplica</c> on this server for everyone together. An export holds its permits until its
/// last row is written; one over either limit is not started (429, try again shortly).
/// </summary>
internal sealed class ExportLimit : IDisposable
{
    /// <summary>What a refused export is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly PartitionedRateLimiter<string> _limiter;

    public ExportLimit(IOptions<RateLimitOptions> options)
    {
        var perReplica = options.Value.Export.PerReplica;
        var one = new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 };
        var all = new ConcurrencyLimiterOptions { PermitLimit = perReplica, QueueLimit = 0 };
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetConcurrencyLimiter(caller, _ => one)),
            PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetConcurrencyLimiter("replica", _ => all)));
    }

    /// <summary>The permits for one export by <paramref name="caller"/>, to dispose when it is written; null when over a limit.</summary>
    public RateLimitLease? TryStart(string caller)
    {
        var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
