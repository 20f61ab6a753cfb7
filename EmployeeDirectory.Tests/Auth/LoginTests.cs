using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Components.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>The login and sign-out forms over real HTTP, with Identity's real password checks and lockout.</summary>
public sealed class LoginTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task TheRightPasswordSignsInAndReturnsToThePageAsked()
    {
        await app.CreateAccountAsync("right.password@contoso.example", Password, DirectoryRoles.Employee);
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);

        using var response = await LoginForm.SubmitAsync(client, "right.password@contoso.example", Password, returnUrl: "/employees/3?tab=x");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/employees/3?tab=x", PathOf(response.Headers.Location));
        Assert.NotNull(AuthCookie(cookies));
        using var page = await client.GetAsync(new Uri("/employees/3", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task AReturnUrlOffThisSiteIsIgnored(string returnUrl)
    {
        using var client = app.CreateCookieClient(new CookieContainer());

        using var response = await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", PathOf(response.Headers.Location));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        await app.CreateAccountAsync("wrong.password@contoso.example", Password, DirectoryRoles.Employee);
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);

        using var wrongPassword = await LoginForm.SubmitAsync(client, "wrong.password@contoso.example", "not the password at all");
        using var unknownEmail = await LoginForm.SubmitAsync(client, "nobody.here@contoso.example", "not the password at all");

        foreach (var response in new[] { wrongPassword, unknownEmail })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Login.RefusedMessage, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Null(AuthCookie(cookies));

        // Wrong passwords slow the client that sends them; they are not counted against the account.
        Assert.Equal(0, await FailedAttemptsAsync("wrong.password@contoso.example"));
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsNeverLockTheAccountTheClientSendingThemWaitsInstead()
    {
        const string email = "never.locked@contoso.example";
        await app.CreateAccountAsync(email, Password, DirectoryRoles.Employee);
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await LoginForm.SubmitAsync(client, email, $"wrong guess number {attempt}");
            Assert.Contains(Login.RefusedMessage, await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using var fourth = await LoginForm.SubmitAsync(client, email, Password);

        // Even the right password waits, unchecked; the account itself is not locked.
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Too many sign-in attempts.", await fourth.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Null(AuthCookie(cookies));
        Assert.Null(await LockoutEndAsync(email));
    }

    [Fact]
    public async Task SigningOutClearsTheCookieAndTheNextPageAsksToSignInAgain()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);
        using (var signIn = await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        }

        using (var before = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await LoginForm.SignOutAsync(client);

        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        Assert.Equal(AccountPaths.Login, PathOf(signOut.Headers.Location));
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), header =>
            header.StartsWith($"{AuthHostingExtensions.CookieName}=;", StringComparison.Ordinal) && header.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        Assert.Null(AuthCookie(cookies));
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(AccountPaths.Login, PathOf(after.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutWithoutTheFormsAntiforgeryTokenIsRefusedAndKeepsTheUserSignedIn()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);
        (await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword)).Dispose();

        using var forged = await client.PostAsync(
            new Uri(LoginForm.LogoutPath, UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull(AuthCookie(cookies));
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DirectoryAppFactory.DemoAdminEmail,
            ["Input.Password"] = app.DemoPassword,
        });

        using var response = await client.PostAsync(new Uri(LoginForm.LoginPath, UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(AuthCookie(cookies));
    }

    [Fact]
    public async Task TheLoginPageIsStaticSoItsFormCanSetTheCookie()
    {
        using var client = app.CreateAnonymousClient();

        var html = await client.GetStringAsync(new Uri(LoginForm.LoginPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    private static Cookie? AuthCookie(CookieContainer cookies) =>
        cookies.GetAllCookies().FirstOrDefault(cookie => cookie.Name == AuthHostingExtensions.CookieName && !cookie.Expired);

    private static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private Task<int> FailedAttemptsAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.QueryDatabaseAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => u.AccessFailedCount)
            .SingleAsync(TestContext.Current.CancellationToken));
    }

    private Task<DateTimeOffset?> LockoutEndAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.QueryDatabaseAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => u.LockoutEnd)
            .SingleAsync(TestContext.Current.CancellationToken));
    }
}
