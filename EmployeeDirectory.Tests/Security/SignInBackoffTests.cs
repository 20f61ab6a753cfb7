using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.SignIn;
using EmployeeDirectory.Web.Components.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, lockout turned against users: wrong passwords never lock an account. They slow the client that
/// sends them (after three, waits of 1, 2, 4... seconds up to 15 minutes, an IPv6 client by its /64) while the
/// owner signs in from their own address at once. The submitted email reaches the log made safe, and a flood of
/// throttled attempts reaches it as a line now and then.
/// </summary>
public sealed class SignInBackoffTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task AnAttackerIsSlowedWhileTheOwnerSignsInFromTheirOwnAddressAndTheAccountIsNeverLocked()
    {
        const string email = "guessed.at@example.com";
        await app.CreateAccountAsync(email, Password, DirectoryRoles.Employee);
        var attacker = new CookieContainer();

        for (var i = 0; i < SignInBackoff.FreeFailures; i++)
        {
            using var wrong = await SubmitAsync(attacker, "203.0.113.66", email, $"guess {i}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(Login.RefusedMessage, await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // Now the attacker must wait, and even the right password is not tried.
        using (var slowed = await SubmitAsync(attacker, "203.0.113.66", email, Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
            Assert.NotNull(slowed.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain(attacker.GetAllCookies(), cookie => cookie.Name == AuthHostingExtensions.CookieName);
        }

        var owner = new CookieContainer();
        using var signedIn = await SubmitAsync(owner, "198.51.100.7", email, Password);

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Contains(owner.GetAllCookies(), cookie => cookie.Name == AuthHostingExtensions.CookieName);
        var normalized = email.ToUpperInvariant();
        var stored = await app.QueryDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized, TestContext.Current.CancellationToken));
        Assert.Null(stored.LockoutEnd);
    }

    [Fact]
    public void TheWaitDoublesWithEachFailureUpToFifteenMinutesAndASuccessEndsIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var backoff = new SignInBackoff(time);
        var client = IPAddress.Parse("203.0.113.5");
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 16; i++)
        {
            backoff.Failed("ada@example.com", client);
            waits.Add(backoff.WaitFor("ada@example.com", client));
            time.Advance(backoff.WaitFor("ada@example.com", client) ?? TimeSpan.Zero);
        }

        Assert.Equal([null, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], waits.Take(6));
        Assert.Equal(SignInBackoff.MaxDelay, waits[^1]);

        // Another client, another account: untouched. Unknown accounts back off alike (nothing tells them apart).
        Assert.Null(backoff.WaitFor("ada@example.com", IPAddress.Parse("198.51.100.9")));
        Assert.Null(backoff.WaitFor("grace@example.com", client));
        backoff.Failed("ada@example.com", client);
        backoff.Succeeded("ada@example.com", client);
        Assert.Null(backoff.WaitFor("ada@example.com", client));
    }

    [Fact]
    public void AnIpv6AttackerHoppingAddressesInsideItsSlash64IsOneClient()
    {
        var backoff = new SignInBackoff(TimeProvider.System);
        for (var i = 1; i <= SignInBackoff.FreeFailures + 1; i++)
        {
            backoff.Failed("ada@example.com", IPAddress.Parse($"2001:db8:7:7::{i:x}"));
        }

        Assert.NotNull(backoff.WaitFor("ada@example.com", IPAddress.Parse("2001:db8:7:7:ffff::1")));
        Assert.Null(backoff.WaitFor("ada@example.com", IPAddress.Parse("2001:db8:7:8::1")));
    }

    [Fact]
    public async Task TheSubmittedEmailIsLoggedMadeSafeAndAThrottledFloodIsSampled()
    {
        var cookies = new CookieContainer();
        // The form refuses line breaks in an email; escape sequences and bidi controls pass its check.
        var forged = "x\u001b[2J\u202eevil@example.com";
        using (await SubmitAsync(cookies, "203.0.113.90", forged, "whatever it is"))
        {
        }

        var refused = app.Logs.WithEventId(3201).Select(entry => entry.Message).Where(message => message.Contains("evil@example.com", StringComparison.Ordinal)).ToList();
        Assert.Contains("x?[2J?evil@example.com", Assert.Single(refused), StringComparison.Ordinal);

        const string flooded = "flooded@example.com";
        for (var i = 0; i < 40; i++)
        {
            using var attempt = await SubmitAsync(cookies, "203.0.113.91", flooded, $"guess {i}");
        }

        var throttledLines = app.Logs.WithEventId(3202).Count(entry => entry.Message.Contains(flooded, StringComparison.Ordinal));
        Assert.InRange(throttledLines, 1, 5);
        Assert.All(app.Logs.WithEventId(3202), entry => Assert.Equal(LogLevel.Warning, entry.Level));
    }

    private async Task<HttpResponseMessage> SubmitAsync(CookieContainer cookies, string address, string email, string password)
    {
        using var client = app.CreateCookieClient(cookies);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await LoginForm.SubmitAsync(client, email, password);
    }
}
