using System.Threading.RateLimiting;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// The presence service behind a limit on status changes (<c>RateLimits:Presence:PerMinute</c>, in fixed one-minute
/// windows) per actor and employee: an account or API key may change one employee's status that often. An employee
/// may set only their own, so this is their limit; a badge reader gets it for each person it sets. Every way in goes
/// through here (the pages' buttons in a circuit, the API, keys), because it replaces the service itself: each
/// change is a transaction, a history row, an outbox row and a refresh of every page that shows the employee.
/// A refused change is not tried and saves nothing (<see cref="ServiceOutcome.Throttled"/>, with when to try again).
/// </summary>
internal sealed partial class PresenceWriteLimit : IPresenceService, IDisposable
{
    private readonly IPresenceService _inner;
    private readonly PartitionedRateLimiter<(string Actor, int EmployeeId)>? _limiter;
    private readonly ILogger _logger;
    private readonly LogSampler _refusals;

    /// <param name="inner">The presence service itself.</param>
    /// <param name="permits">Changes per window, per actor and employee; 0 turns the limit off.</param>
    /// <param name="window">One minute in the app; tests shorten it.</param>
    /// <param name="time">The clock the refusal log is sampled by.</param>
    /// <param name="logger">Where refusals are logged (sampled).</param>
    public PresenceWriteLimit(IPresenceService inner, int permits, TimeSpan window, TimeProvider time, ILogger<PresenceWriteLimit> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permits);
        _inner = inner;
        _logger = logger;
        _refusals = new LogSampler(time, TimeSpan.FromSeconds(10));
        if (permits > 0)
        {
            var perWindow = new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
            _limiter = PartitionedRateLimiter.Create<(string Actor, int EmployeeId), (string, int)>(key =>
                RateLimitPartition.GetFixedWindowLimiter(key, _ => perWindow));
        }
    }

    public async Task<ServiceResult<EmployeeStatus>> SetPresenceAsync(int id, PresenceUpdate update, DirectoryActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        // A change the actor may not make is refused by the service without a write: it spends no permit.
        if (_limiter is null || !actor.MaySetPresenceOf(id))
        {
            return await _inner.SetPresenceAsync(id, update, actor, cancellationToken).ConfigureAwait(false);
        }

        using var lease = _limiter.AttemptAcquire((actor.Name, id));
        if (!lease.IsAcquired)
        {
            if (_refusals.ShouldLog(out var suppressed))
            {
                Log.Throttled(_logger, actor.Name, id, suppressed);
            }

            return ServiceResult<EmployeeStatus>.Throttled(TimeSpan.FromSeconds(RateLimitRejections.RetryAfterSeconds(lease)));
        }

        return await _inner.SetPresenceAsync(id, update, actor, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _limiter?.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 8000, Level = LogLevel.Warning,
            Message = "Refused a status change of employee {EmployeeId} by {Actor}: over RateLimits:Presence:PerMinute ({Suppressed} more refusals since the last of these lines)")]
        public static partial void Throttled(ILogger logger, string actor, int employeeId, long suppressed);
    }
}
