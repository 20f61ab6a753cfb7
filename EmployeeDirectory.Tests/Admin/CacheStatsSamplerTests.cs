using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Caching;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;
using Microsoft.Extensions.Time.Testing;

namespace EmployeeDirectory.Tests.Admin;

public sealed class CacheStatsSamplerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SamplesSumHitsAndMissesOverPoliciesAndMissesCountWhatNeitherTierAnswered()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var sampler = new CacheStatsSampler(server.Operator, TimeProvider.System);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.In);

        await source.ReadAsync(server.Cache, 1, Token);
        await source.ReadAsync(server.Cache, 1, Token);
        var sample = sampler.Sample();

        Assert.Equal(1, sample.L1Hits);
        Assert.Equal(1, sample.L1Misses);
        Assert.Equal(0, sample.L2Hits);
        Assert.Equal(1, sample.Misses);
        Assert.Equal([sample], sampler.History());
    }

    [Fact]
    public async Task TheRingKeepsTheNewestSamplesOldestFirst()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sampler = new CacheStatsSampler(server.Operator, time);

        for (var i = 0; i < CacheStatsSampler.Capacity + 7; i++)
        {
            sampler.Sample();
            time.Advance(CacheStatsSampler.Interval);
        }

        var history = sampler.History();
        Assert.Equal(CacheStatsSampler.Capacity, history.Count);
        Assert.Equal(DateTimeOffset.UnixEpoch + (CacheStatsSampler.Interval * 7), history[0].At);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.At < pair.Second.At));
    }

    [Fact]
    public async Task RunningAsAHostedServiceItSamplesOnEveryInterval()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var sampler = new CacheStatsSampler(server.Operator, time);

        await sampler.StartAsync(Token);
        await Eventually.HoldsAsync(() => sampler.History().Count == 1, "the first sample at start-up", lastSeen: () => sampler.History().Count);

        for (var i = 0; i < 3; i++)
        {
            var expected = i + 2;
            time.Advance(CacheStatsSampler.Interval);
            await Eventually.HoldsAsync(() => sampler.History().Count == expected, $"sample {expected} after the clock moved", lastSeen: () => sampler.History().Count);
        }

        await sampler.StopAsync(Token);
        Assert.Equal(4, sampler.History().Count);
        Assert.Equal(CacheStatsSampler.Interval * 3, sampler.History()[^1].At - sampler.History()[0].At);
    }
}
