using System.Globalization;
using System.Text.RegularExpressions;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployeeDirectory.Tests.Browser;

/// <summary>
/// The In/Out board in a real browser: a back-at time shown in the viewer's zone and reverting on its own with no
/// reload, the keyboard (/ to search, rows reached and toggled with the keyboard, focus visible), and the phone layout.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class BoardBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string ViewerZone = "America/New_York";

    private readonly DirectoryAppFactory _app = DirectoryAppFactory.Create();
    private IPage? _page;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app.StartKestrel();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await BrowserFixture.KeepScreenshotIfFailedAsync(_page);
            await _page.Context.CloseAsync();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AnOutStatusWithABackAtTimeShowsItInTheViewersZoneAndRevertsWithoutAReload()
    {
        var page = await OpenAsync(timeZone: ViewerZone);
        var (id, email) = (await _app.DemoEmployeesAsync())[1];
        var until = DateTimeOffset.UtcNow.AddSeconds(6);
        var set = await _app.Services.GetRequiredService<IPresenceService>()
            .SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "back in a moment", Until: until), TestActors.Admin("reception"), Token);
        Assert.True(set.IsOk);

        await page.GotoAsync($"/?q={Uri.EscapeDataString(email)}");
        await BrowserSignIn.WaitForInteractiveAsync(page);
        var chip = page.Locator(".directory-row .status-chip");
        await Expect(chip).ToHaveAttributeAsync("data-status", "out");
        var back = $"back {ViewerTime.From(ViewerZone).Clock(until, DateTimeOffset.UtcNow)}";
        await Expect(chip.Locator(".status-until")).ToHaveTextAsync(back);
        await Expect(chip.Locator(".status-until")).ToHaveAttributeAsync("title", new Regex(Regex.Escape($"({ViewerZone})")));
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await Expect(chip).ToHaveAttributeAsync("data-status", "in", new() { Timeout = 20_000 });

        await Expect(chip.Locator(".status-until")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        Assert.True(DateTimeOffset.UtcNow >= until);
    }

    /// <summary>
    /// "How long ago" advances in the browser, with no timer and no render on the server: its text changes in place
    /// (the node Blazor renders stays, so a later status change still updates it).
    /// </summary>
    [Fact]
    public async Task HowLongAgoAStatusChangedAdvancesInTheBrowserAndTheServerCanStillUpdateIt()
    {
        var page = await OpenAsync();
        var (id, email) = (await _app.DemoEmployeesAsync())[2];
        var presence = _app.Services.GetRequiredService<IPresenceService>();
        Assert.True((await presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, "first"), TestActors.Admin(), Token)).IsOk);
        await page.GotoAsync($"/?q={Uri.EscapeDataString(email)}");
        await BrowserSignIn.WaitForInteractiveAsync(page);
        var since = page.Locator(".directory-row .status-since");
        await Expect(since).ToHaveTextAsync("changed just now");

        // As if the page had stayed open for 17 minutes: the browser advances the text when the tab is shown.
        await page.EvaluateAsync(
            """
            () => {
              const time = document.querySelector('.directory-row .status-since');
              window.__sinceNode = time.lastChild;
              time.setAttribute('datetime', new Date(Date.now() - 17 * 60000).toISOString());
              document.dispatchEvent(new Event('visibilitychange'));
            }
            """);

        await Expect(since).ToHaveTextAsync("changed 17 min ago");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.directory-row .status-since').lastChild === window.__sinceNode"), "the text node was replaced");

        Assert.True((await presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "second"), TestActors.Admin(), Token)).IsOk);
        await Expect(page.Locator(".directory-row .status-note")).ToHaveTextAsync("second");
        await Expect(since).ToHaveTextAsync("changed just now");
    }

    [Fact]
    public async Task SlashFocusesTheSearchAndARowsToggleIsReachedAndUsedFromTheKeyboardWithVisibleFocus()
    {
        var page = await OpenAsync();
        var rows = page.Locator(".directory-row");
        await Expect(rows.First).ToBeVisibleAsync();

        await page.Locator("body").PressAsync("/");
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToBeFocusedAsync();

        var firstRow = rows.First;
        var link = firstRow.Locator("a.directory-link");
        var toggle = firstRow.GetByRole(AriaRole.Button);
        await link.FocusAsync();
        Assert.NotEqual("none", await OutlineOfFocusedAsync(page));
        for (var presses = 0; presses < 5 && !await toggle.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(toggle).ToBeFocusedAsync();
        Assert.NotEqual("none", await OutlineOfFocusedAsync(page));
        var chip = firstRow.Locator(".status-chip");
        var before = await chip.GetAttributeAsync("data-status");
        await page.Keyboard.PressAsync("Enter");
        await Expect(chip).Not.ToHaveAttributeAsync("data-status", before!);
    }

    [Fact]
    public async Task OnAPhoneEachPersonIsACompactEntryNotLabelValueRows()
    {
        var page = await OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        var row = page.Locator(".directory-row").First;
        await Expect(row).ToBeVisibleAsync();

        await Expect(row.Locator(".initials-avatar")).ToBeVisibleAsync();
        await Expect(row.Locator("a.directory-link")).ToBeVisibleAsync();
        await Expect(row.Locator(".directory-subtitle")).ToBeVisibleAsync();
        await Expect(row.Locator(".status-chip .mud-chip")).ToBeVisibleAsync();
        await Expect(row.Locator("td.directory-department")).ToBeHiddenAsync();
        await Expect(page.Locator(".directory-table thead")).ToBeHiddenAsync();
        var box = await row.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height <= 90, $"a phone entry should be one or two lines, but is {box.Height.ToString(CultureInfo.InvariantCulture)} px high");
        Assert.True(box.Width <= 390, "the entry fits the screen");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a phone");
    }

    private async Task<IPage> OpenAsync(ViewportSize? viewport = null, string timeZone = "UTC")
    {
        _page = await browser.NewPageAsync(_app.ServerAddress, viewport, timeZone);
        await BrowserSignIn.SignInAsync(_page, DirectoryAppFactory.DemoAdminEmail, _app.DemoPassword);
        await BrowserSignIn.WaitForInteractiveAsync(_page);
        return _page;
    }

    private static Task<string> OutlineOfFocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
}
