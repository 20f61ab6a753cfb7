using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, headers: every answer the app gives (pages, the sign-in form, the API and its problems, files,
/// probes, errors) carries a Content Security Policy, <c>nosniff</c>, no framing, a referrer policy and a
/// permissions policy, sent by the app itself so they hold without nginx.
/// </summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.ProductionApp app) : IClassFixture<SecurityHeadersTests.ProductionApp>
{
    public static TheoryData<string, string> Requests() => new()
    {
        { "anonymous", "/account/login" },
        { "anonymous", "/" },
        { "anonymous", "/api/employees" },
        { "anonymous", "/no-such-page" },
        { "anonymous", "/app.js" },
        { "anonymous", "/health/live" },
        { "anonymous", "/health/ready" },
        { "anonymous", "/metrics" },
        { "admin", "/" },
        { "admin", "/api/employees" },
        { "admin", "/api/employees/999999" },
        { "admin", "/api/no-such-route" },
        { "admin", "/openapi/v1.json" },
        { "admin", "/api/employees/export.csv" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string caller, string path)
    {
        using var client = caller == "admin" ? app.CreateApiClient(DirectoryRoles.Admin) : app.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePagesOneInlineScriptCarriesThisResponsesNonceAndEachResponseHasItsOwn()
    {
        using var client = app.CreateAnonymousClient();

        using var first = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        using var second = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(first, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var page = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var importMap = System.Text.RegularExpressions.Regex.Match(page, "<script[^>]*importmap[^>]*>");
        Assert.True(importMap.Success, "The page has no import map.");
        Assert.Contains($"nonce=\"{nonce}\"", importMap.Value, StringComparison.Ordinal);
        Assert.NotEqual(Header(first, "Content-Security-Policy"), Header(second, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without {name}.");

    /// <summary>The app in Production, where error pages and problem bodies take their production form.</summary>
    public sealed class ProductionApp() : DirectoryAppFactory(redisConnectionString: null, Environments.Production, settings: null);
}
