using System.Globalization;
using Bunit;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>The key browser over a real field cache and a real redis-server.</summary>
public sealed class CacheKeyBrowserTests(RedisServerFixture redis) : CacheConsoleTest(redis.ConnectionString), IClassFixture<RedisServerFixture>
{
    // Several test classes start at once on two cores: give Redis calls room, this is not a timeout test.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cache:RedisTimeout"] = "00:00:05" };

    [Fact]
    public async Task RedisKeysAreListedWithTierPolicySizeAndADeadlineMatchingTheirPttl()
    {
        await ReadStatusesAsync(1, 2);
        var profileKey = await PutProfileInRedisAsync(7, TimeSpan.FromHours(20));
        var status1 = Harness.Keys.Status(1).Name;

        var browser = RenderWithOverlays<CacheKeyBrowser>();

        browser.WaitForAssertion(() => AssertShown(browser, profileKey, status1, Harness.Keys.Status(2).Name));
        var statusRow = Row(browser, status1);
        Assert.Equal("L1 + L2", statusRow.QuerySelector(".key-tier")!.TextContent.Trim());
        Assert.Equal("Status", statusRow.QuerySelector(".key-policy")!.TextContent.Trim());
        Assert.EndsWith(" B", statusRow.QuerySelector(".key-size")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, statusRow.QuerySelectorAll("[data-deadline]").Length);

        var profileRow = Row(browser, profileKey);
        Assert.Equal("L2", profileRow.QuerySelector(".key-tier")!.TextContent.Trim());
        Assert.Equal("Profile", profileRow.QuerySelector(".key-policy")!.TextContent.Trim());
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(profileRow.QuerySelector("[data-deadline]")!.GetAttribute("data-deadline")!, CultureInfo.InvariantCulture));
        var pttl = await Redis.KeyTimeToLiveAsync(profileKey);
        Assert.InRange((deadline - (DateTimeOffset.UtcNow + pttl!.Value)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.StartsWith("19h 5", profileRow.QuerySelector("[data-deadline]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 shown · ", browser.Find(".key-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypingAPatternShowsOnlyMatchingKeys()
    {
        await ReadStatusesAsync(1, 2, 12, 21);
        var profileKey = await PutProfileInRedisAsync(12, TimeSpan.FromHours(1));
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Equal(5, KeysShown(browser).Count));

        browser.Find(".key-pattern input").Input("employee:12:*");

        browser.WaitForAssertion(() => AssertShown(browser, profileKey, Harness.Keys.Status(12).Name));

        browser.Find(".key-pattern input").Input(":2:");

        browser.WaitForAssertion(() => Assert.Equal([Harness.Keys.Status(2).Name], KeysShown(browser)));
    }

    [Fact]
    public async Task ChoosingAPolicyShowsOnlyThatPolicysKeys()
    {
        await ReadStatusesAsync(1, 2);
        var profileKey = await PutProfileInRedisAsync(3, TimeSpan.FromHours(1));
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Equal(3, KeysShown(browser).Count));

        ClickToggle(browser, ".key-policy-filter", "Profile");

        browser.WaitForAssertion(() => Assert.Equal([profileKey], KeysShown(browser)));

        ClickToggle(browser, ".key-policy-filter", "Status");

        browser.WaitForAssertion(() => AssertShown(browser, Harness.Keys.Status(1).Name, Harness.Keys.Status(2).Name));
    }

    [Fact]
    public async Task EvictingARowRemovesItFromTheTableAndTheKeyFromRedisAndMemory()
    {
        await ReadStatusesAsync(1, 2);
        var evicted = Harness.Keys.Status(1).Name;
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Contains(evicted, KeysShown(browser)));

        Row(browser, evicted).QuerySelector(".key-evict")!.Click();

        browser.WaitForAssertion(() => Assert.Equal([Harness.Keys.Status(2).Name], KeysShown(browser)));
        Assert.False(await Redis.KeyExistsAsync(evicted));
        Assert.True(await Redis.KeyExistsAsync(Harness.Keys.Status(2).Name));
        Assert.Null(Harness.Engine.L1.Peek(evicted));
        Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Message == $"Evicted {evicted}");
    }

    [Fact]
    public async Task LoadMoreContinuesTheScanUntilEveryKeyIsShownOnce()
    {
        const int keys = 600;
        var batch = Redis.CreateBatch();
        var writes = Enumerable.Range(1, keys)
            .Select(id => batch.StringSetAsync(Harness.Keys.Status(id).Name, "{}", TimeSpan.FromMinutes(1)))
            .ToList();
        batch.Execute();
        await Task.WhenAll(writes);
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.True(KeysShown(browser).Count > 0, browser.Find(".cache-keys").TextContent));
        var first = KeysShown(browser).Count;
        Assert.InRange(first, 1, keys - 1);

        for (var clicks = 0; clicks < 50 && browser.FindAll(".key-load-more").Count > 0; clicks++)
        {
            var before = KeysShown(browser).Count;
            browser.Find(".key-load-more").Click();
            browser.WaitForAssertion(() => Assert.True(KeysShown(browser).Count > before || browser.FindAll(".key-load-more").Count == 0));
        }

        var shown = KeysShown(browser);
        Assert.Equal(keys, shown.Count);
        Assert.Equal(keys, shown.Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith($"{keys} shown · ", browser.Find(".key-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefreshDropsKeysThatWereDeletedElsewhereAndShowsNewOnes()
    {
        await ReadStatusesAsync(1, 2);
        var browser = RenderWithOverlays<CacheKeyBrowser>(parameters => parameters.Add(p => p.RefreshTick, 0));
        browser.WaitForAssertion(() => Assert.Equal(2, KeysShown(browser).Count));
        await Redis.KeyDeleteAsync(Harness.Keys.Status(1).Name);
        var added = await PutProfileInRedisAsync(9, TimeSpan.FromMinutes(5));

        browser.Render(parameters => parameters.Add(p => p.RefreshTick, 1));

        browser.WaitForAssertion(() => AssertShown(browser, added, Harness.Keys.Status(2).Name));
    }

    [Fact]
    public async Task TheLocalViewListsOnlyThisServersCopies()
    {
        await ReadStatusesAsync(4);
        var redisOnly = await PutProfileInRedisAsync(5, TimeSpan.FromMinutes(5));
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Contains(redisOnly, KeysShown(browser)));

        ClickToggle(browser, ".key-view", "This server (L1)");

        browser.WaitForAssertion(() => Assert.Equal([Harness.Keys.Status(4).Name], KeysShown(browser)));
        Assert.Equal("L1 + L2", Row(browser, Harness.Keys.Status(4).Name).QuerySelector(".key-tier")!.TextContent.Trim());
        Assert.Contains("1 entries on this server", browser.Find(".key-count").TextContent, StringComparison.Ordinal);
    }

    private static void AssertShown(IRenderedComponent<CacheKeyBrowser> browser, params string[] keys) =>
        Assert.Equal(keys.Order(StringComparer.Ordinal), KeysShown(browser).Order(StringComparer.Ordinal));

    private static void ClickToggle(IRenderedComponent<CacheKeyBrowser> browser, string group, string text) =>
        browser.FindAll($"{group} .mud-toggle-item").Single(item => item.TextContent.Trim() == text).Click();
}
