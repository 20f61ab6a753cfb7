using System.Text.RegularExpressions;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployeeDirectory.Tests.Browser;

/// <summary>
/// The directory in a real browser against the app on real Kestrel: sign in (as the demo admin, who may
/// set anyone's status), list, search, toggle.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class DirectorySmokeTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly DirectoryAppFactory _app = DirectoryAppFactory.Create();
    private IPage _page = default!;

    public async ValueTask InitializeAsync()
    {
        _page = await browser.NewPageAsync(_app.StartKestrel());
    }

    public async ValueTask DisposeAsync()
    {
        await BrowserFixture.KeepScreenshotIfFailedAsync(_page);
        await _page.Context.CloseAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheDirectoryListsPeopleFiltersAsYouTypeAndTogglesAStatusChip()
    {
        await BrowserSignIn.SignInAsync(_page, DirectoryAppFactory.DemoAdminEmail, _app.DemoPassword);
        var rows = EmployeeRows();

        // Rows are in the first paint (prerendered); typing needs the circuit.
        await Expect(rows.First).ToBeVisibleAsync();
        await BrowserSignIn.WaitForInteractiveAsync(_page);
        Assert.True(await rows.CountAsync() > 1, "the first page should show more than one employee");

        var target = rows.Nth(1);
        var name = (await target.GetByRole(AriaRole.Link).TextContentAsync())!.Trim();
        var email = (await target.GetByText(EmailPattern()).TextContentAsync())!.Trim();

        await _page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(email);

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByRole(AriaRole.Link)).ToHaveTextAsync(name);
        await Expect(_page).ToHaveURLAsync(SearchInUrlPattern());

        var row = rows.First;
        var chip = row.Locator(".status-chip");
        var before = await chip.GetAttributeAsync("data-status");
        var (after, afterText, buttonName) = before == "in" ? ("out", "Out", "Set out") : ("in", "In", "Set in");

        await row.GetByRole(AriaRole.Button, new() { Name = $"{buttonName}: {name}" }).ClickAsync();

        await Expect(chip).ToHaveAttributeAsync("data-status", after);
        await Expect(chip.Locator(".mud-chip")).ToHaveTextAsync($"Status: {afterText}");
        await Expect(_page.GetByText($"{name} is now {after}")).ToBeVisibleAsync();
        var stored = await _app.QueryDatabaseAsync(db => db.Employees.Where(e => e.Email == email).Select(e => e.Presence).SingleAsync());
        Assert.Equal(after == "in" ? PresenceStatus.In : PresenceStatus.Out, stored);
    }

    [GeneratedRegex("[?&]q=")]
    private static partial Regex SearchInUrlPattern();

    [GeneratedRegex(@"^\s*\S+@\S+\s*$")]
    private static partial Regex EmailPattern();

    private ILocator EmployeeRows() =>
        _page.GetByRole(AriaRole.Table, new() { Name = "Employees" })
            .Locator("tbody")
            .GetByRole(AriaRole.Row)
            .Filter(new() { Has = _page.GetByRole(AriaRole.Link) });
}
