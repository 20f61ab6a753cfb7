using EmployeeDirectory.Core.Caching.Internal;
using Microsoft.Extensions.Time.Testing;

namespace EmployeeDirectory.Tests.Caching;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();

    private CircuitBreaker OpenBreaker()
    {
        var breaker = new CircuitBreaker(failureThreshold: 2, openDuration: TimeSpan.FromSeconds(5), _clock);
        breaker.Failure(new TimeoutException());
        breaker.Failure(new TimeoutException());
        Assert.True(breaker.IsOpen);
        return breaker;
    }

    [Fact]
    public void AnOpenBreakerRefusesCallsUntilItsOpenPeriodEndsThenLetsOneProbeThrough()
    {
        var breaker = OpenBreaker();

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(breaker.TryEnter());

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(breaker.TryEnter());
        Assert.False(breaker.TryEnter());
    }

    [Fact]
    public void WhenTheConnectionIsBackTheNextCallProbesAtOnceAndItsSuccessClosesTheBreaker()
    {
        var breaker = OpenBreaker();
        var recovered = 0;
        breaker.Recovered += () => recovered++;

        breaker.ProbeNow();

        Assert.True(breaker.TryEnter());
        Assert.False(breaker.TryEnter());
        breaker.Success();
        Assert.False(breaker.IsOpen);
        Assert.Equal(1, recovered);
    }

    [Fact]
    public void AProbeThatFailsOpensTheBreakerForAFullPeriodAgain()
    {
        var breaker = OpenBreaker();
        breaker.ProbeNow();
        Assert.True(breaker.TryEnter());

        breaker.Failure(new TimeoutException());

        Assert.False(breaker.TryEnter());
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void AProbeSentBeforeTheConnectionCameBackThatFailsLetsTheNextCallProbeAtOnce()
    {
        var breaker = OpenBreaker();
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(breaker.TryEnter());

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        breaker.ProbeNow();
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        breaker.Failure(new TimeoutException());

        Assert.True(breaker.TryEnter());
    }
}
