using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Transport;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only from a trusted proxy (loopback by default), over a
/// real loopback connection: a scheme claimed by anyone else earns no HSTS, and an address claimed by
/// anyone else earns no fresh rate-limit bucket.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> UntrustedLoopback = new() { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" };

    [Fact]
    public async Task ASchemeForwardedByALoopbackProxyIsHonouredByDefault()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production);

        Assert.True(await AnswersWithHstsAsync(app), "a request forwarded as HTTPS by a loopback proxy got no HSTS header");
    }

    [Fact]
    public async Task ASchemeForwardedByAnAddressNotListedIsIgnored()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: UntrustedLoopback);

        Assert.False(await AnswersWithHstsAsync(app), "X-Forwarded-Proto from an untrusted address was honoured");
    }

    [Fact]
    public async Task ClientsBehindATrustedProxyAreLimitedEachByTheirOwnAddress()
    {
        await using var app = DirectoryAppFactory.Create(settings: OneAnonymousCallASecond());

        var statuses = await AnonymousApiCallsAsync(app, FiveClients);

        // Each address has a bucket of its own, full at its first call: none is turned away.
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    [Fact]
    public async Task AddressesClaimedThroughAnUntrustedHopShareTheHopsLimit()
    {
        var settings = OneAnonymousCallASecond();
        settings["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10";
        await using var app = DirectoryAppFactory.Create(settings: settings);

        var statuses = await AnonymousApiCallsAsync(app, FiveClients);

        // All five count against the one real address: a bucket of one, refilled once a second, turns most away.
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks:0 ('10.0.0.0/33') is not a network")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal", "ForwardedHeaders:KnownProxies:0 ('proxy.internal') is not an IP address")]
    public async Task AMalformedProxySettingStopsTheStartNamingIt(string key, string value, string message)
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    private static readonly string[] FiveClients = ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4", "198.51.100.5"];

    private static Dictionary<string, string?> OneAnonymousCallASecond() => new()
    {
        ["RateLimits:Api:PerSecond"] = "1",
        ["RateLimits:Api:Burst"] = "1",
    };

    private static async Task<bool> AnswersWithHstsAsync(DirectoryAppFactory app)
    {
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "directory.example.com";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    /// <summary>One anonymous API call per forwarded address, in order, over a real loopback connection.</summary>
    private static async Task<List<HttpStatusCode>> AnonymousApiCallsAsync(DirectoryAppFactory app, params string[] forwardedFor)
    {
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
