using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, Production over plain HTTP (a TLS proxy the app does not trust, or none): the sign-in page and
/// its form answer 400 with a page that names HTTPS and <c>ForwardedHeaders:KnownNetworks</c>, never a 500; through
/// a trusted proxy that says HTTPS the page is served; API keys work as before; and start-up warns that the app
/// listens on plain HTTP only.
/// </summary>
public sealed class ProductionOverHttpTests(ProductionOverHttpTests.ProductionOnKestrel app) : IClassFixture<ProductionOverHttpTests.ProductionOnKestrel>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/employees/1")]
    public async Task APageOverPlainHttpIsA400NamingHttpsAndTheProxySetting(string path)
    {
        using var client = new HttpClient(new ServerErrorGuard { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } }) { BaseAddress = app.Address };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("HTTPS", page, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingTheSignInFormOverPlainHttpIsA400AndSignsNobodyIn()
    {
        using var client = new HttpClient(new ServerErrorGuard { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } }) { BaseAddress = app.Address };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "someone@example.com",
            ["Input.Password"] = "a password of some length",
        });

        using var response = await client.PostAsync(new Uri(LoginForm.LoginPath, UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ThroughATrustedProxyThatSaysHttpsTheSignInPageIsServed()
    {
        using var client = new HttpClient(new ServerErrorGuard { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } }) { BaseAddress = app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, LoginForm.LoginPath);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiKeyStillWorksOverPlainHttp()
    {
        using var client = app.CreateApiClient(DirectoryRoles.Admin);

        using var response = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void StartUpWarnsThatTheAppListensOnPlainHttpOnly()
    {
        var warning = Assert.Single(app.Logs.WithEventId(7000));

        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(app.Address.ToString().TrimEnd('/'), warning.Message, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentOverPlainHttpNeitherRefusesPagesNorWarns()
    {
        await using var development = DirectoryAppFactory.Create();
        var address = development.StartKestrel();
        using var client = new HttpClient(new ServerErrorGuard { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } }) { BaseAddress = address };

        using var response = await client.GetAsync(new Uri(LoginForm.LoginPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(development.Logs.WithEventId(7000));
    }

    /// <summary>Production on a real loopback port, plain HTTP.</summary>
    public sealed class ProductionOnKestrel : DirectoryAppFactory
    {
        public ProductionOnKestrel()
            : base(redisConnectionString: null, Environments.Production, settings: null) => Address = StartKestrel();

        public Uri Address { get; }
    }
}
