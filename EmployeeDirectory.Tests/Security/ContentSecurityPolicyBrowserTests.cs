using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Browser;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, headers in a real browser: under the app's Content Security Policy the pages still work (the
/// circuit starts, MudBlazor renders and a status toggles) and Chromium reports no violation anywhere.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryPageWorksUnderThePolicyWithoutASingleViolation()
    {
        await using var app = DirectoryAppFactory.Create();
        var page = await browser.NewPageAsync(app.StartKestrel());
        await using var context = page.Context;
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        try
        {
            var (id, _) = (await app.DemoEmployeesAsync())[0];
            await BrowserSignIn.SignInAsync(page, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword, $"/employees/{id}");
            await BrowserSignIn.WaitForInteractiveAsync(page);
            await AssertNoViolationsAsync(page, problems, "the employee page");

            await page.Locator(".presence-panel .presence-button").First.ClickAsync();
            await Assertions.Expect(page.GetByText("is now")).ToBeVisibleAsync();

            foreach (var path in new[] { "/", "/roll-call", "/admin/cache" })
            {
                await page.GotoAsync(path);
                await BrowserSignIn.WaitForInteractiveAsync(page);
                await AssertNoViolationsAsync(page, problems, path);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
            await AssertNoViolationsAsync(page, problems, "the sign-in page");
        }
        finally
        {
            await BrowserFixture.KeepScreenshotIfFailedAsync(page);
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> console, string where)
    {
        var reported = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(reported.Length == 0 && console.Count == 0, $"{where}: {string.Join("; ", reported.Concat(console))}");
    }
}
