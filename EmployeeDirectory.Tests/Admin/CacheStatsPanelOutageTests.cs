using Bunit;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>Connection states while the redis-server is down (a fixture of its own, since this test stops it).</summary>
public sealed class CacheStatsPanelOutageTests(RedisServerFixture redis) : CacheConsoleTest(redis.ConnectionString), IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task WhenRedisStopsTheChipsSayDegradedAndDisconnectedThenRecover()
    {
        var panel = RenderWithProviders<CacheStatsPanel>();
        Assert.Equal("Redis: connected", Chip(panel, ".state-redis"));

        await redis.StopAsync(Token);

        await ReRenderUntilAsync(panel, () => Chip(panel, ".state-redis") == "Redis: degraded");
        Assert.Equal("Pub/sub: disconnected", Chip(panel, ".state-pubsub"));

        await redis.StartAsync(Token);

        await ReRenderUntilAsync(panel, () => Chip(panel, ".state-redis") == "Redis: connected" && Chip(panel, ".state-pubsub") == "Pub/sub: subscribed");
    }

    private static string Chip(IRenderedComponent<CacheStatsPanel> panel, string selector) => panel.Find(selector).TextContent.Trim();

    // The chips read the connection when rendered; the console re-renders every two seconds, this test more often.
    private static Task ReRenderUntilAsync(IRenderedComponent<CacheStatsPanel> panel, Func<bool> condition) =>
        Eventually.HoldsAsync(
            () =>
            {
                panel.Render();
                return condition();
            },
            "the connection chips to change",
            lastSeen: () => $"\"{Chip(panel, ".state-redis")}\" and \"{Chip(panel, ".state-pubsub")}\"");
}
