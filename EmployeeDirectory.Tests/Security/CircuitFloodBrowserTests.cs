using EmployeeDirectory.Tests.Browser;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, circuit floods: one account holds at most <c>Circuits:PerUser</c> live pages on a server. The next
/// tab keeps the page it was shown, is never made live, and says why; once another tab closes, a reload goes live.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CircuitFloodBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ATabOverTheLimitIsRefusedALiveConnectionSaysWhyAndGetsOneOnceAnotherCloses()
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Circuits:PerUser"] = "2" });
        var first = await browser.NewPageAsync(app.StartKestrel());
        await using var context = first.Context;
        var (id, email) = (await app.DemoEmployeesAsync())[0];
        await BrowserSignIn.SignInAsync(first, email, app.DemoPassword, $"/employees/{id}");
        await BrowserSignIn.WaitForInteractiveAsync(first);

        var second = await OpenAsync(context, $"/employees/{id}");
        await BrowserSignIn.WaitForInteractiveAsync(second);

        var third = await OpenAsync(context, "/");
        try
        {
            var refusal = third.Locator("#blazor-error-ui[data-reason='circuit-refused']");
            await Assertions.Expect(refusal).ToBeVisibleAsync();
            await Assertions.Expect(refusal).ToContainTextAsync("You have 2 pages of the directory open");
            await Assertions.Expect(third.Locator("[data-interactive='true']")).ToHaveCountAsync(0);

            // Closing a tab ends its circuit; then the refused one gets a live connection on reload.
            await first.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await Eventually.HoldsAsync(
                async () =>
                {
                    await third.ReloadAsync();
                    return await third.Locator("[data-interactive='true']").CountAsync() == 1
                        || await WaitInteractiveAsync(third);
                },
                "the third tab to go live once the first closed",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await BrowserFixture.KeepScreenshotIfFailedAsync(third);
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    private static async Task<bool> WaitInteractiveAsync(IPage page)
    {
        try
        {
            await page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
