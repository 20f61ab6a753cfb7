using System.Diagnostics;
using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, management endpoints in the app itself (not only behind nginx): <c>/metrics</c> and
/// <c>/health/*</c>, however spelled, answer only <c>Management:AllowedNetworks</c> (a client behind a trusted proxy
/// is judged by its own address); with <c>Management:Urls</c> they are served on that port and nowhere else, and
/// that port serves nothing else; and readiness is computed at most about once a second however often it is asked.
/// </summary>
public sealed class ManagementEndpointTests
{
    private static readonly string[] Spellings = ["/metrics", "/METRICS", "/metrics/", "/health/ready", "/Health/Live", "/HEALTH/READY/"];

    [Fact]
    public async Task OutsideTheAllowedNetworksEverySpellingOfTheManagementPathsIsRefused()
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Management:AllowedNetworks:0"] = "192.0.2.0/24" });
        using var client = Plain(app.StartKestrel());

        foreach (var path in Spellings)
        {
            using var refused = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)refused.StatusCode}");
        }

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task AClientBehindATrustedProxyIsJudgedByItsOwnAddress()
    {
        await using var app = DirectoryAppFactory.Create();
        using var client = Plain(app.StartKestrel());

        Assert.Equal(HttpStatusCode.Forbidden, await GetFromAsync(client, "203.0.113.7", "/metrics"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetFromAsync(client, "2001:db8::7", "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await GetFromAsync(client, "10.1.2.3", "/metrics"));
        Assert.Equal(HttpStatusCode.OK, await GetFromAsync(client, "127.0.0.1", "/health/live"));
    }

    [Fact]
    public async Task OnAManagementPortTheProbesAndScrapeAreServedThereAndNowhereElse()
    {
        var mainPort = LoopbackPort.Free();
        var managementPort = LoopbackPort.Free();
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{mainPort}",
            ["Management:Urls"] = $"http://127.0.0.1:{managementPort}",
        });
        var addresses = app.StartKestrelAtConfiguredUrls();
        Assert.Equal(new[] { $"http://127.0.0.1:{mainPort}", $"http://127.0.0.1:{managementPort}" }.Order(), addresses.Order());
        using var main = Plain(new Uri($"http://127.0.0.1:{mainPort}"));
        using var management = Plain(new Uri($"http://127.0.0.1:{managementPort}"));

        foreach (var path in new[] { ObservabilityHostingExtensions.ReadyPath, ObservabilityHostingExtensions.LivePath, ObservabilityHostingExtensions.MetricsPath })
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(main, path));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(management, path));
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(main, "/account/login"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(management, "/account/login"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(management, "/api/employees"));
    }

    [Fact]
    public async Task ReadinessIsComputedAtMostAboutOnceASecondHoweverOftenItIsAsked()
    {
        var checks = 0;
        await using var app = DirectoryAppFactory.Create(services: services => services.AddHealthChecks().AddCheck(
            "counted",
            () =>
            {
                Interlocked.Increment(ref checks);
                return HealthCheckResult.Healthy();
            },
            ["ready"]));
        using var client = app.CreateAnonymousClient();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            using var ready = await client.GetAsync(new Uri(ObservabilityHostingExtensions.ReadyPath, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("no-store", ready.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }

        var ran = Volatile.Read(ref checks);
        Assert.True(ran <= (int)Math.Ceiling(clock.Elapsed.TotalSeconds) + 1, $"20 readiness requests in {clock.Elapsed.TotalSeconds:0.00} s ran the checks {ran} times.");

        // Once the answer is older than its second, the next request checks afresh.
        await Eventually.HoldsAsync(
            async () =>
            {
                using var ready = await client.GetAsync(new Uri(ObservabilityHostingExtensions.ReadyPath, UriKind.Relative), TestContext.Current.CancellationToken);
                return Volatile.Read(ref checks) > ran;
            },
            "a later readiness request to run the checks again");
    }

    private static HttpClient Plain(Uri address) =>
        new(new ServerErrorGuard { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } }) { BaseAddress = address };

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> GetFromAsync(HttpClient client, string forwardedFor, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
