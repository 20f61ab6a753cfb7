using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Transport;

/// <summary>Outside Development the cookies are Secure, HttpOnly and SameSite=Lax, and HTTPS answers carry HSTS.</summary>
public sealed class CookieAndHstsTests
{
    private const string AdminEmail = "ops@example.com";
    private const string AdminPassword = "a passphrase nobody guesses";

    private static readonly Dictionary<string, string?> WithAdmin = new()
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
    };

    [Fact]
    public async Task InProductionTheSignInCookieIsSecureHttpOnlyAndLax()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: WithAdmin);
        using var client = app.CreateCookieClient(new CookieContainer());

        using var response = await LoginForm.SubmitAsync(client, AdminEmail, AdminPassword);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var attributes = AttributesOf(response, AuthHostingExtensions.CookieName);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }

    [Fact]
    public async Task InProductionTheAntiforgeryCookieIsSecureToo()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: WithAdmin);
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(LoginForm.LoginPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("secure", AttributesOf(response, ".AspNetCore.Antiforgery."));
    }

    [Fact]
    public async Task InDevelopmentOverPlainHttpTheCookieIsNotMarkedSecure()
    {
        // The contrast: Production's flag is the policy, not an echo of the https test address.
        await using var app = DirectoryAppFactory.Create();
        using var client = app.CreateCookieClient(new CookieContainer());
        client.BaseAddress = new Uri("http://localhost");

        using var response = await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.DoesNotContain("secure", AttributesOf(response, AuthHostingExtensions.CookieName));
    }

    [Theory]
    [InlineData("Production", "max-age=31536000")]
    [InlineData("Development", null)]
    public async Task HttpsAnswersCarryHstsOutsideDevelopmentOnly(string environment, string? expected)
    {
        await using var app = DirectoryAppFactory.Create(environment: environment);
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri("https://directory.example.com/account/login"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null);
    }

    /// <summary>The lower-cased attributes of the Set-Cookie header that sets <paramref name="namePrefix"/>.</summary>
    private static List<string> AttributesOf(HttpResponseMessage response, string namePrefix)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith(namePrefix, StringComparison.Ordinal));
        return [.. header.Split(';').Skip(1).Select(part => part.Trim().ToLowerInvariant())];
    }
}
