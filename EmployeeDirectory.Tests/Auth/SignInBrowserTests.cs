using System.Text.RegularExpressions;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Browser;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// The whole sign-in round trip in Chromium against the app on a real port: the static login form sets
/// the cookie, the interactive pages run as that user, and the sign-out form clears it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser, RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AnEmployeeSignsInSetsTheirOwnStatusSeesOnlyOthersStatusAndSignsOut()
    {
        await using var app = DirectoryAppFactory.Create();
        var address = app.StartKestrel();
        var employees = await app.DemoEmployeesAsync();
        var (myId, myEmail) = employees[0];
        var page = await browser.NewPageAsync(address);
        await using var context = page.Context;

        await BrowserSignIn.SignInAsync(page, myEmail, app.DemoPassword, $"/employees/{myId}");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/employees/{myId}$"));
        var before = await StatusAsync(app, myId);
        await TypeNoteOnceInteractiveAsync(page, "in the lab");
        await page.Locator(".presence-panel .presence-button").First.ClickAsync();
        await Assertions.Expect(page.GetByText("is now")).ToBeVisibleAsync();
        Assert.NotEqual(before, await StatusAsync(app, myId));
        Assert.Equal(
            (myEmail, "in the lab"),
            await app.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == myId).Select(e => ValueTuple.Create(e.PresenceChangedBy, e.PresenceNote)).SingleAsync()));
        Assert.Equal(0, await page.Locator(".profile-editor").CountAsync());

        await page.GotoAsync($"/employees/{employees[1].Id}");
        await Assertions.Expect(page.Locator(".presence-readonly")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".presence-button").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(BrowserSignIn.LoginPage());
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(BrowserSignIn.LoginPage());
    }

    [Fact]
    public async Task AnAdminSignsInAndTheCacheConsoleListsProfileAndStatusKeysWithTtls()
    {
        await using var app = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        var page = await browser.NewPageAsync(app.StartKestrel());
        await using var context = page.Context;

        var (id, _) = (await app.DemoEmployeesAsync())[0];

        // Opening an employee reads their profile and status through the cache.
        await BrowserSignIn.SignInAsync(page, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword, $"/employees/{id}");
        await Assertions.Expect(page.Locator(".presence-panel .status-chip")).ToBeVisibleAsync();
        // Follow the console link by address: a click that lands while the prerendered page is still
        // becoming interactive can be swallowed by the page swap.
        var consoleLink = page.GetByRole(AriaRole.Link, new() { Name = "Cache console" });
        await Assertions.Expect(consoleLink).ToHaveAttributeAsync("href", "/admin/cache");
        await page.GotoAsync("/admin/cache");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/cache$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cache console" })).ToBeVisibleAsync();
        // Narrow the listing to this employee: an unfiltered SCAN page may order keys differently from one
        // refresh to the next while Redis rehashes, so a row of the first page can come and go.
        await page.GetByLabel("Key pattern").FillAsync($"employee:{id}:*");
        var keys = app.Services.GetRequiredService<IFieldCache>().Keys;
        var statusKey = page.Locator($".key-row[data-key='{keys.Status(id).Name}']");
        var profileKey = page.Locator($".key-row[data-key='{keys.Profile(id).Name}']");
        await Assertions.Expect(statusKey).ToBeVisibleAsync();
        await Assertions.Expect(profileKey).ToBeVisibleAsync();
        await Assertions.Expect(statusKey.Locator(".key-ttl .ttl").First).ToHaveTextAsync(new Regex(@"^(\d+\.\d s|1m \d\ds)$"));
        await Assertions.Expect(profileKey.Locator(".key-ttl .ttl").First).ToHaveTextAsync(new Regex(@"^(1d )?\d+h \d\dm \d\ds$"));
    }

    [Fact]
    public async Task AnEmployeeHasNoCacheConsoleLinkAndIsTurnedAwayAtItsAddress()
    {
        await using var app = DirectoryAppFactory.Create();
        var page = await browser.NewPageAsync(app.StartKestrel());
        await using var context = page.Context;
        var (_, email) = (await app.DemoEmployeesAsync())[0];

        await BrowserSignIn.SignInAsync(page, email, app.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Employees" }).Locator("tbody tr").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Cache console" }).CountAsync());

        await page.GotoAsync("/admin/cache");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You can't open this page" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The page arrives prerendered and becomes interactive when its circuit starts; typing before then is
    /// lost. The note's counter only moves once the circuit runs the field, so type until it does.
    /// </summary>
    private static Task TypeNoteOnceInteractiveAsync(IPage page, string note)
    {
        var counter = page.GetByText($"{note.Length} / 140");
        return Eventually.HoldsAsync(
            async () =>
            {
                await page.GetByLabel("Note (optional)").FillAsync(note);
                return await counter.IsVisibleAsync();
            },
            "the note field to become interactive and count what was typed");
    }

    private static Task<PresenceStatus> StatusAsync(DirectoryAppFactory app, int id) =>
        app.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == id).Select(e => e.Presence).SingleAsync());
}
