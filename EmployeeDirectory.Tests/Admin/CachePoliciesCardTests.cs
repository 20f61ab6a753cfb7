using AngleSharp.Dom;
using Bunit;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;
using MudBlazor;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>The policies card: configured lifetimes, key families, and clearing a policy behind a confirmation.</summary>
public sealed class CachePoliciesCardTests(RedisServerFixture redis) : CacheConsoleTest(redis.ConnectionString), IClassFixture<RedisServerFixture>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cache:Policies:Status:Ttl"] = "00:00:45",
        ["Cache:Policies:Status:Jitter"] = "0.2",
        ["Cache:Policies:Status:L1Cap"] = "00:00:05",
    };

    [Fact]
    public void EachPolicyShowsItsConfiguredTtlJitterL1CapAndKeyFamilies()
    {
        var card = RenderWithProviders<CachePoliciesCard>();

        var status = card.Find("tr.policy-row[data-policy='Status']");
        Assert.Equal("45 s", Text(status, ".policy-ttl"));
        Assert.Equal("±20 %", Text(status, ".policy-jitter"));
        Assert.Equal("5 s", Text(status, ".policy-l1cap"));
        Assert.Equal(
            [Harness.Keys.Prefix + "employee:{id}:status", Harness.Keys.Prefix + "directory:presence", Harness.Keys.Prefix + "directory:roll-call"],
            status.QuerySelectorAll(".policy-families code").Select(code => code.TextContent));

        var profile = card.Find("tr.policy-row[data-policy='Profile']");
        Assert.Equal("24 h", Text(profile, ".policy-ttl"));
        Assert.Equal("5 min", Text(profile, ".policy-l1cap"));
        Assert.Contains(Harness.Keys.Prefix + "directory:roster", profile.QuerySelector(".policy-families")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearingAPolicyAsksFirstAndCancellingChangesNothing()
    {
        await ReadStatusesAsync(1, 2);
        var dialogs = Render<MudDialogProvider>();
        var card = RenderWithProviders<CachePoliciesCard>();

        card.Find("tr.policy-row[data-policy='Status'] .policy-clear").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Clear the Status policy?", dialogs.Markup, StringComparison.Ordinal));
        DialogButton(dialogs, "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Clear the Status policy?", dialogs.Markup, StringComparison.Ordinal));
        Assert.True(await Redis.KeyExistsAsync(Harness.Keys.Status(1).Name));
        Assert.NotNull(Harness.Engine.L1.Peek(Harness.Keys.Status(1).Name));
    }

    [Fact]
    public async Task ConfirmingTheClearEvictsThatPolicysKeysAndLeavesTheOtherPolicyAlone()
    {
        await ReadStatusesAsync(1, 2);
        var profileKey = await PutProfileInRedisAsync(3, TimeSpan.FromHours(1));
        var cleared = new List<CachePolicy>();
        var dialogs = Render<MudDialogProvider>();
        var card = RenderWithProviders<CachePoliciesCard>(parameters => parameters.Add(p => p.OnCleared, policy => cleared.Add(policy)));

        card.Find("tr.policy-row[data-policy='Status'] .policy-clear").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Clear the Status policy?", dialogs.Markup, StringComparison.Ordinal));
        DialogButton(dialogs, "Clear").Click();

        card.WaitForAssertion(() => Assert.Equal([DirectoryCacheContract.Status], cleared));
        Assert.False(await Redis.KeyExistsAsync(Harness.Keys.Status(1).Name));
        Assert.False(await Redis.KeyExistsAsync(Harness.Keys.Status(2).Name));
        Assert.Null(Harness.Engine.L1.Peek(Harness.Keys.Status(1).Name));
        Assert.True(await Redis.KeyExistsAsync(profileKey));
        Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Message == "Cleared Status: 2 keys removed from Redis.");
    }

    private static string Text(IElement row, string selector) => row.QuerySelector(selector)!.TextContent.Trim();

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(button => button.TextContent.Trim() == text);
}
