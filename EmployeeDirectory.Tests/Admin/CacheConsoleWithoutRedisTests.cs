using Bunit;
using EmployeeDirectory.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>The whole console in the embedded mode: no Redis configured, L1 alone serves.</summary>
public sealed class CacheConsoleWithoutRedisTests() : CacheConsoleTest(redisConnectionString: null)
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton<TimeProvider>(_time);
    }

    [Fact]
    public async Task TheConsoleSaysRedisIsNotConfiguredAndShowsThisServersMemoryOnly()
    {
        await ReadStatusesAsync(1, 2);

        var page = RenderWithProviders<CacheConsolePage>();

        Assert.Contains("Redis is not configured", page.Find(".redis-not-configured").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".key-view"));
        Assert.Equal("This server (L1)", page.Find(".key-view-local-only").TextContent.Trim());
        var browser = page.FindComponent<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Equal(
            [Harness.Keys.Status(1).Name, Harness.Keys.Status(2).Name],
            KeysShown(browser).Order(StringComparer.Ordinal)));
        Assert.All(browser.FindAll(".key-tier"), tier => Assert.Equal("L1", tier.TextContent.Trim()));
        Assert.All(browser.FindAll("tr.key-row"), row => Assert.Single(row.QuerySelectorAll("[data-deadline]")));
        Assert.Contains("2 entries on this server", page.Find(".key-count").TextContent, StringComparison.Ordinal);
        Assert.Equal("Redis: not configured", page.Find(".state-redis").TextContent.Trim());
        Assert.Equal("Pub/sub: not configured", page.Find(".state-pubsub").TextContent.Trim());
        Assert.Empty(page.FindAll("tr.latency-row[data-tier='L2']"));
        Assert.EndsWith("(not applied)", page.Find("tr.policy-row[data-policy='Status'] .policy-l1cap").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListRefreshesEveryTwoSecondsUntilPaused()
    {
        await ReadStatusesAsync(1, 2, 3);
        var page = RenderWithProviders<CacheConsolePage>();
        var browser = page.FindComponent<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Equal(3, KeysShown(browser).Count));

        await Harness.Operator.EvictAsync(Harness.Keys.Status(1).Name);
        _time.Advance(CacheConsolePage.RefreshInterval);

        browser.WaitForAssertion(() => Assert.DoesNotContain(Harness.Keys.Status(1).Name, KeysShown(browser)));

        page.Find(".refresh-toggle").Click();
        Assert.Equal("Auto-refresh paused", page.Find(".refresh-state").TextContent.Trim());
        await Harness.Operator.EvictAsync(Harness.Keys.Status(2).Name);
        _time.Advance(CacheConsolePage.RefreshInterval * 3);

        // The header moving proves the timer's tick reached the page; the list it did not re-read still shows the key.
        page.WaitForAssertion(() => Assert.Equal("Auto-refresh paused for 6 s", page.Find(".refresh-state").TextContent.Trim()));
        Assert.Contains(Harness.Keys.Status(2).Name, KeysShown(browser));

        page.Find(".refresh-toggle").Click();
        _time.Advance(CacheConsolePage.RefreshInterval);

        browser.WaitForAssertion(() => Assert.Equal([Harness.Keys.Status(3).Name], KeysShown(browser)));
    }
}
