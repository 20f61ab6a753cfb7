using Bunit;
using Microsoft.Extensions.DependencyInjection;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>
/// The console's destructive actions check the Admin role when they run, not only when the page opened, and
/// Redis trouble reaches the page as a message (the console never sees a Redis exception).
/// </summary>
public sealed class CacheConsoleActionsTests(RedisServerFixture redis) : CacheConsoleTest(redis.ConnectionString), IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AnEvictClickedAfterTheAdminRoleWasTakenAwayIsRefusedAndEvictsNothing()
    {
        await ReadStatusesAsync(1);
        var key = Harness.Keys.Status(1).Name;
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Contains(key, KeysShown(browser)));

        SignInAsEmployee(1, "someone@contoso.example");
        Row(browser, key).QuerySelector(".key-evict")!.Click();

        browser.WaitForAssertion(() => Assert.Contains(Snackbar.ShownSnackbars, s => s.Message == CacheConsoleActions.NotAllowed));
        Assert.True(await Redis.KeyExistsAsync(key));
        Assert.NotNull(Harness.Engine.L1.Peek(key));
        Assert.Equal(0, Harness.Operator.Statistics.Evictions(DirectoryCacheContract.Status));
    }

    [Fact]
    public async Task AClearRequestedByANonAdminIsRefusedAndClearsNothing()
    {
        await ReadStatusesAsync(1, 2);
        SignInAsEmployee(1, "someone@contoso.example");
        var actions = Services.GetRequiredService<CacheConsoleActions>();

        var cleared = await actions.ClearPolicyAsync(DirectoryCacheContract.Status, Token);

        Assert.False(cleared.Succeeded);
        Assert.Equal(CacheConsoleActions.NotAllowed, cleared.Problem);
        Assert.True(await Redis.KeyExistsAsync(Harness.Keys.Status(1).Name));
        Assert.True(await Redis.KeyExistsAsync(Harness.Keys.Status(2).Name));
    }

    [Fact]
    public async Task WithRedisDownTheKeyListSaysSoInsteadOfFailing()
    {
        await ReadStatusesAsync(1);
        var browser = RenderWithOverlays<CacheKeyBrowser>();
        browser.WaitForAssertion(() => Assert.Single(KeysShown(browser)));

        await redis.StopAsync(Token);
        try
        {
            browser.Render(parameters => parameters.Add(p => p.RefreshTick, 1));

            browser.WaitForAssertion(
                () => Assert.StartsWith("Redis did not answer.", browser.Find(".key-error").TextContent.Trim(), StringComparison.Ordinal),
                TimeSpan.FromSeconds(15));
        }
        finally
        {
            await redis.StartAsync(Token);
        }
    }
}
