using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Signs a Playwright page in through the real login form, as a person would.</summary>
public static partial class BrowserSignIn
{
    /// <summary>
    /// Opens <paramref name="path"/>, which sends an anonymous browser to the login page, fills the form and
    /// returns once the browser is back at <paramref name="path"/> as <paramref name="email"/>.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage());
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync(email);
    }

    /// <summary>
    /// Waits until the circuit has taken over the prerendered page: before that, typing and clicking reach no
    /// handler (the page shows its data from the first paint, so visible rows do not mean it is interactive).
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
    }

    [GeneratedRegex("/account/login")]
    public static partial Regex LoginPage();
}
