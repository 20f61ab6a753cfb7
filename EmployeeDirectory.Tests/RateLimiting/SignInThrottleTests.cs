using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.RateLimiting;

namespace EmployeeDirectory.Tests.RateLimiting;

/// <summary>The sign-in throttle on its own, with a one-second window so recovery can be watched.</summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.20");
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AnAccountOverItsLimitIsThrottledUntilTheWindowEnds()
    {
        using var throttle = new SignInThrottle(permits: 2, Window);

        Assert.Null(throttle.TryAttempt(Client, "ada@example.com"));
        Assert.Null(throttle.TryAttempt(IPAddress.Parse("198.51.100.21"), " ADA@example.com "));
        var wait = throttle.TryAttempt(IPAddress.Parse("198.51.100.22"), "ada@example.com");

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        await Eventually.HoldsAsync(
            () => throttle.TryAttempt(IPAddress.Parse("198.51.100.23"), "ada@example.com") is null,
            "the account's throttle to end after its 1 s window",
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void OneAccountsLimitDoesNotThrottleAnother()
    {
        using var throttle = new SignInThrottle(permits: 1, TimeSpan.FromMinutes(1));

        Assert.Null(throttle.TryAttempt(IPAddress.Parse("198.51.100.30"), "ada@example.com"));
        Assert.NotNull(throttle.TryAttempt(IPAddress.Parse("198.51.100.31"), "ada@example.com"));
        Assert.Null(throttle.TryAttempt(IPAddress.Parse("198.51.100.32"), "grace@example.com"));
    }

    [Fact]
    public void ZeroTurnsTheThrottleOff()
    {
        using var throttle = new SignInThrottle(permits: 0, TimeSpan.FromMinutes(1));

        Assert.False(throttle.IsOn);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Null(throttle.TryAttempt(Client, "ada@example.com")));
    }
}
