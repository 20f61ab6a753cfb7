using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Components.Pages.Account;

namespace EmployeeDirectory.Tests.RateLimiting;

/// <summary>
/// Sign-in attempts are limited per client address (<c>RateLimits:SignIn:PerMinute</c>): an attempt over the
/// limit is not tried at all (not even the right password) and answers 429 with Retry-After and a message
/// saying to wait. Client addresses come from X-Forwarded-For, which the test
/// server's loopback-less requests may set.
/// </summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly DirectoryAppFactory _app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:PerMinute"] = "3",
    });

    [Fact]
    public async Task AnAttemptOverTheClientsLimitIsRefusedWith429EvenWithTheRightPassword()
    {
        const string email = "throttled.client@example.com";
        await _app.CreateAccountAsync(email, Password, DirectoryRoles.Employee);
        var cookies = new CookieContainer();
        foreach (var guess in new[] { "guess.a@example.com", "guess.b@example.com", "guess.c@example.com" })
        {
            using var wrong = await SubmitAsync(cookies, "198.51.100.1", guess, "a wrong password");
            Assert.Contains(Login.RefusedMessage, await BodyAsync(wrong), StringComparison.Ordinal);
        }

        using var right = await SubmitAsync(cookies, "198.51.100.1", email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("60", Assert.Single(right.Headers.GetValues("Retry-After")));
        Assert.Contains("Too many sign-in attempts. Wait 60 seconds, then try again.", await BodyAsync(right), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetAllCookies(), cookie => cookie.Name == AuthHostingExtensions.CookieName);
    }

    [Fact]
    public async Task AnAttemptOverTheAddressLimitIsRefusedWhateverTheAccount()
    {
        await _app.CreateAccountAsync("first.of.many@example.com", Password, DirectoryRoles.Employee);
        var cookies = new CookieContainer();
        for (var i = 0; i < 3; i++)
        {
            using var guess = await SubmitAsync(cookies, "203.0.113.9", $"guess.{i}@example.com", "a wrong password");
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }

        using var fromThatAddress = await SubmitAsync(cookies, "203.0.113.9", "first.of.many@example.com", Password);
        using var fromAnother = await SubmitAsync(cookies, "203.0.113.10", "first.of.many@example.com", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromThatAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Found, fromAnother.StatusCode);
    }

    [Fact]
    public async Task ReadingTheFormIsNeverLimited()
    {
        using var client = _app.CreateAnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            using var page = await client.GetAsync(new Uri(LoginForm.LoginPath, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<HttpResponseMessage> SubmitAsync(CookieContainer cookies, string address, string email, string password)
    {
        using var client = _app.CreateCookieClient(cookies);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await LoginForm.SubmitAsync(client, email, password);
    }

    private static Task<string> BodyAsync(HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
