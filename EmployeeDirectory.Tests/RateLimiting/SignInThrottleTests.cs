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
    public async Task AClientOverItsLimitIsThrottledUntilTheWindowEnds()
    {
        using var throttle = new SignInThrottle(permits: 2, Window);

        Assert.Null(throttle.TryAttempt(Client));
        Assert.Null(throttle.TryAttempt(Client));
        var wait = throttle.TryAttempt(Client);

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        await Eventually.HoldsAsync(
            () => throttle.TryAttempt(Client) is null,
            "the client's throttle to end after its 1 s window",
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void OneClientsLimitDoesNotThrottleAnother()
    {
        using var throttle = new SignInThrottle(permits: 1, TimeSpan.FromMinutes(1));

        Assert.Null(throttle.TryAttempt(IPAddress.Parse("198.51.100.30")));
        Assert.NotNull(throttle.TryAttempt(IPAddress.Parse("198.51.100.30")));
        Assert.Null(throttle.TryAttempt(IPAddress.Parse("198.51.100.31")));
    }

    [Fact]
    public void AnIpv6ClientIsCountedByItsSlash64SoHoppingAddressesGainsNothing()
    {
        using var throttle = new SignInThrottle(permits: 2, TimeSpan.FromMinutes(1));

        Assert.Null(throttle.TryAttempt(IPAddress.Parse("2001:db8:1:2::1")));
        Assert.Null(throttle.TryAttempt(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:fffe")));
        Assert.NotNull(throttle.TryAttempt(IPAddress.Parse("2001:db8:1:2:abcd::9")));
        Assert.Null(throttle.TryAttempt(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void ZeroTurnsTheThrottleOff()
    {
        using var throttle = new SignInThrottle(permits: 0, TimeSpan.FromMinutes(1));

        Assert.False(throttle.IsOn);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Null(throttle.TryAttempt(Client)));
    }
}
