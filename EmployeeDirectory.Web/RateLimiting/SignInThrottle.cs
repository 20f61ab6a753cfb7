using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// Limits sign-in attempts per client (<c>RateLimits:SignIn:PerMinute</c>, in fixed one-minute windows; an IPv6
/// client by its /64), with the framework's rate limiters. Every attempt counts, right or wrong, so the answer says
/// nothing about the password; an attempt over the limit is not tried at all. It is not counted per account: that
/// would let anyone keep an account's owner out by sending attempts at it. Guessing at one account from one client
/// is slowed by <see cref="Auth.SignIn.SignInBackoff"/> instead.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public SignInThrottle(IOptions<RateLimitOptions> options)
        : this(options.Value.SignIn.PerMinute, TimeSpan.FromMinutes(1))
    {
    }

    /// <param name="permits">Attempts per window from one client; 0 turns the throttle off.</param>
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
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => perWindow));
    }

    public bool IsOn => _limiter is not null;

    /// <summary>
    /// Counts one attempt from <paramref name="address"/>. Null when it may go ahead; otherwise how long until it may
    /// (whole seconds, at least 1).
    /// </summary>
    public TimeSpan? TryAttempt(IPAddress? address)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(ClientPartition.Of(address));
        return lease.IsAcquired ? null : TimeSpan.FromSeconds(RateLimitRejections.RetryAfterSeconds(lease));
    }

    public void Dispose() => _limiter?.Dispose();
}
