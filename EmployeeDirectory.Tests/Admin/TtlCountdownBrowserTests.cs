using EmployeeDirectory.Tests.Browser;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Admin;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>The key browser's countdown module (CacheKeyBrowser.razor.js), loaded as is into headless Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TtlCountdownBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheBrowserFormatsTtlsExactlyAsTheServerDoes()
    {
        var page = await OpenModuleAsync();
        await using var context = page.Context;
        long[] samples = [-1, 0, 99, 1_250, 59_999, 60_000, 754_000, 3_600_000, 86_399_000, 93_784_000, 2_591_999_999];

        foreach (var milliseconds in samples)
        {
            var text = await page.EvaluateAsync<string>("ms => window.ttl.formatTtl(ms)", milliseconds);
            Assert.Equal(CacheFormat.Ttl(TimeSpan.FromMilliseconds(milliseconds)), text);
        }
    }

    [Fact]
    public async Task TrackedDeadlinesCountDownOnTheServersClockAndEndAsExpired()
    {
        var page = await OpenModuleAsync();
        await using var context = page.Context;
        // The page's clock is the test's: time moves only when the test runs it forward, so every check below is exact.
        var start = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        await page.Clock.InstallAsync(new ClockInstallOptions { TimeDate = start });
        await page.Clock.PauseAtAsync(start.AddSeconds(1));

        // The server's clock runs an hour ahead of the browser's: the deadlines are on the server's clock.
        await page.EvaluateAsync("""
            () => {
                const serverNow = Date.now() + 3600000;
                document.body.innerHTML =
                    `<div id="root"><span id="soon" data-deadline="${serverNow + 30000}">30.0 s</span>` +
                    `<span id="gone" data-deadline="${serverNow + 400}">0.4 s</span></div>`;
                window.ttl.track(document.getElementById("root"), serverNow);
            }
            """);
        await page.Clock.RunForAsync(1000);

        Assert.Equal("29.0 s", await page.Locator("#soon").TextContentAsync());
        await Assertions.Expect(page.Locator("#gone")).ToHaveTextAsync("expired");
        await Assertions.Expect(page.Locator("#gone")).ToHaveClassAsync("ttl-expired");

        await page.EvaluateAsync("() => window.ttl.untrack(document.getElementById('root'))");
        await page.Clock.RunForAsync(5000);
        Assert.Equal("29.0 s", await page.Locator("#soon").TextContentAsync());
    }

    private async Task<IPage> OpenModuleAsync()
    {
        var page = await browser.NewPageAsync();
        var source = await File.ReadAllTextAsync(ModulePath(), TestContext.Current.CancellationToken);
        await page.SetContentAsync("<!DOCTYPE html><html><body></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions
        {
            Type = "module",
            Content = source + "\nwindow.ttl = { formatTtl, track, untrack };",
        });
        await page.WaitForFunctionAsync("() => window.ttl !== undefined");
        return page;
    }

    private static string ModulePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "EmployeeDirectory.Web", "Admin", "CacheKeyBrowser.razor.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("EmployeeDirectory.Web/Admin/CacheKeyBrowser.razor.js was not found above the test output folder.");
    }
}
