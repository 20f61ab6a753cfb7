using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployeeDirectory.Tests.Browser;

/// <summary>
/// axe-core on every page a person uses (sign-in, directory, employee, roll call, cache console), in a real
/// browser against the app on Kestrel: no serious or critical violation, and a main landmark on each.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser, RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
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
    public async Task EveryPageHasAMainLandmarkAndNoSeriousOrCriticalViolation()
    {
        await _page.GotoAsync("/account/login");
        await Expect(_page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await AxeAssert.NoSeriousViolationsAsync(_page, "sign-in");

        await BrowserSignIn.SignInAsync(_page, DirectoryAppFactory.DemoAdminEmail, _app.DemoPassword);
        await BrowserSignIn.WaitForInteractiveAsync(_page);
        await Expect(_page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await AxeAssert.NoSeriousViolationsAsync(_page, "directory");

        var employee = (await _app.DemoEmployeesAsync())[0];
        await _page.GotoAsync($"/employees/{employee.Id}");
        await Expect(_page.Locator(".status-timeline .timeline-item").First).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await AxeAssert.NoSeriousViolationsAsync(_page, "employee");

        await _page.GotoAsync("/roll-call");
        await BrowserSignIn.WaitForInteractiveAsync(_page);
        await _page.Locator(".roll-call-toggle").First.ClickAsync();
        await Expect(_page.Locator(".roll-call-people")).ToHaveCountAsync(1);
        await AxeAssert.NoSeriousViolationsAsync(_page, "roll call");

        await _page.GotoAsync("/admin/cache");
        await Expect(_page.Locator(".key-row").First).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await AxeAssert.NoSeriousViolationsAsync(_page, "cache console");
    }

    [Fact]
    public async Task TheCacheConsoleWithRedisHasNoSeriousOrCriticalViolation()
    {
        await using var app = DirectoryAppFactory.Create(redis.ConnectionString);
        var page = await browser.NewPageAsync(app.StartKestrel());
        try
        {
            await BrowserSignIn.SignInAsync(page, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword, "/admin/cache");
            await BrowserSignIn.WaitForInteractiveAsync(page);
            await Expect(page.Locator(".key-row").First).ToBeVisibleAsync();
            await Expect(page.Locator(".state-redis")).ToContainTextAsync("Redis");

            await AxeAssert.NoSeriousViolationsAsync(page, "cache console with Redis");
        }
        finally
        {
            await BrowserFixture.KeepScreenshotIfFailedAsync(page);
            await page.Context.CloseAsync();
        }
    }
}
