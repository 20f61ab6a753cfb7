using Bunit;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>The statistics panel over a real field cache and redis-server.</summary>
public sealed class CacheStatsPanelTests(RedisServerFixture redis) : CacheConsoleTest(redis.ConnectionString), IClassFixture<RedisServerFixture>
{
    private CacheStatsSampler Sampler => Services.GetRequiredService<CacheStatsSampler>();

    [Fact]
    public async Task HitRatiosLoadsAndInvalidationsFollowTheLookupsMade()
    {
        await ReadStatusesAsync(1, 2);                  // L1 miss, L2 miss, load: twice
        await Source.ReadAsync(Cache, 1, Token);        // L1 hit
        await Harness.Operator.EvictAsync(Harness.Keys.Status(2).Name);

        var panel = RenderWithProviders<CacheStatsPanel>();

        var status = panel.Find("tr.stats-row[data-policy='Status']");
        Assert.Equal("33.3 %", status.QuerySelector(".stats-l1")!.TextContent);
        Assert.Equal("0.0 %", status.QuerySelector(".stats-l2")!.TextContent);
        Assert.Equal("33.3 %", status.QuerySelector(".stats-overall")!.TextContent);
        Assert.Equal("2", status.QuerySelector(".stats-loads")!.TextContent);
        Assert.Equal("1", status.QuerySelector(".stats-invalidations")!.TextContent);
        var profile = panel.Find("tr.stats-row[data-policy='Profile']");
        Assert.Equal("—", profile.QuerySelector(".stats-l1")!.TextContent);
        Assert.Equal("0", profile.QuerySelector(".stats-loads")!.TextContent);
    }

    [Fact]
    public async Task LatencyPercentilesAreShownPerTierOnceMeasured()
    {
        await ReadStatusesAsync(1, 2, 3);

        var panel = RenderWithProviders<CacheStatsPanel>();

        var l2 = panel.Find("tr.latency-row[data-tier='L2']");
        Assert.Equal("3", l2.QuerySelector(".latency-count")!.TextContent);
        Assert.Matches(@"^[\d.]+ (µs|ms)$", l2.QuerySelector(".latency-p50")!.TextContent);
        Assert.Matches(@"^[\d.]+ (µs|ms)$", l2.QuerySelector(".latency-p99")!.TextContent);
        var database = panel.Find("tr.latency-row[data-tier='Loader']");
        Assert.Equal("3", database.QuerySelector(".latency-count")!.TextContent);
    }

    [Fact]
    public async Task TheChartPlotsHitsAndMissesBetweenTheSamplersSamples()
    {
        var empty = RenderWithProviders<CacheStatsPanel>();
        Assert.NotEmpty(empty.FindAll(".stats-chart-empty"));

        Sampler.Sample();
        await ReadStatusesAsync(1, 2, 3);               // 3 misses
        Sampler.Sample();
        await Source.ReadAsync(Cache, 1, Token);        // 2 L1 hits
        await Source.ReadAsync(Cache, 2, Token);
        Sampler.Sample();

        var panel = RenderWithProviders<CacheStatsPanel>();

        var series = panel.FindComponent<MudChart<double>>().Instance.ChartSeries;
        Assert.Equal(["L1 hits", "L2 hits", "Misses"], series.Select(s => s.Name));
        Assert.Equal([0.0, 2.0], series[0].Data.Values);
        Assert.Equal([0.0, 0.0], series[1].Data.Values);
        Assert.Equal([3.0, 0.0], series[2].Data.Values);
        Assert.NotEmpty(panel.FindAll(".stats-chart svg"));
    }

    [Fact]
    public void ConnectionChipsShowRedisConnectedAndSubscribed()
    {
        var panel = RenderWithProviders<CacheStatsPanel>();

        Assert.Equal("Redis: connected", panel.Find(".state-redis").TextContent.Trim());
        Assert.Equal("Pub/sub: subscribed", panel.Find(".state-pubsub").TextContent.Trim());
    }
}
