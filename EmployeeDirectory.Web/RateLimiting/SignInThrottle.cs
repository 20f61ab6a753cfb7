using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// Limits sign-in attempts per client address and per account (<c>RateLimits:SignIn:PerMinute</c> each,
/// in fixed one-minute windows), with the framework's rate limiters. Every attempt counts, right or wrong,
/// so the answer says nothing about the password; an attempt over either limit is not tried at all.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt>? _limiter;

    public SignInThrottle(IOptions<RateLimitOptions> options)
        : this(options.Value.SignIn.PerMinute, TimeSpan.FromMinutes(1))
    {
    }

    /// <param name="permits">Attempts per window from one address, and against one account; 0 turns the throttle off.</param>
    /// <param name="window">One minute in the app; tests shorten it to watch the limit recover.</param>
    internal SignInThrottle(int permits, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permits);
        if (permits == 0)
        {
            return;
        }

        var perWindow = new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<SignInAttempt, string>(attempt =>
                RateLimitPartition.GetFixedWindowLimiter($"address:{attempt.Address}", _ => perWindow)),
            PartitionedRateLimiter.Create<SignInAttempt, string>(attempt =>
                RateLimitPartition.GetFixedWindowLimiter($"account:{attempt.Account}", _ => perWindow)));
    }

    public bool IsOn => _limiter is not null;

    /// <summary>
    /// Counts one attempt from <paramref name="address"/> at <paramref name="email"/>. Null when it may go
    /// ahead; otherwise how long until it may (whole seconds, at least 1).
    /// </summary>
    public TimeSpan? TryAttempt(IPAddress? address, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (_limiter is null)
        {
            return null;
        }

        var attempt = new SignInAttempt(address?.ToString() ?? "unknown", email.Trim().ToUpperInvariant());
        using var lease = _limiter.AttemptAcquire(attempt);
        return lease.IsAcquired ? null : TimeSpan.FromSeconds(RateLimitRejections.RetryAfterSeconds(lease));
    }

    public void Dispose() => _limiter?.Dispose();

    private readonly record struct SignInAttempt(string Address, string Account);
}
