using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// The nginx configuration itself, rendered from deploy/nginx.conf.template and run by Debian's nginx in front
/// of a server that echoes what it receives: what reaches the replicas, what is kept from them, and TLS.
/// </summary>
public sealed class NginxFrontDoorTests : IAsyncLifetime
{
    private HeaderEchoServer _upstream = default!;

    public async ValueTask InitializeAsync() => _upstream = await HeaderEchoServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task TheReplicasReceiveTheHostAndPortTheClientUsedWithTheForwardedHeaders()
    {
        await using var front = await NginxFrontDoor.StartAsync([_upstream.Upstream], cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = front.Address };

        var plain = await EchoAsync(client, "/employees/3?tab=contact");
        Assert.Equal($"127.0.0.1:{front.Port}", plain["host"]);
        Assert.Equal($"127.0.0.1:{front.Port}", plain["x-forwarded-host"]);
        Assert.Equal("http", plain["x-forwarded-proto"]);
        Assert.Equal("127.0.0.1", plain["x-forwarded-for"]);
        Assert.Equal("/employees/3?tab=contact", plain[":path"]);

        using var named = new HttpRequestMessage(HttpMethod.Get, "/");
        named.Headers.Host = "directory.example:8080";
        var echoed = await EchoAsync(client, named);
        Assert.Equal("directory.example:8080", echoed["host"]);
        Assert.Equal("directory.example:8080", echoed["x-forwarded-host"]);
    }

    [Fact]
    public async Task MetricsAndHealthAnswerOnlyTheOperatorsNetworks()
    {
        await using var front = await NginxFrontDoor.StartAsync([_upstream.Upstream], opsAllow: ["192.0.2.0/24"], cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = front.Address };
        var cancellationToken = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/metrics", "/health/live", "/health/ready" })
        {
            using var refused = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // Only those: look-alikes and everything else still reach the replicas.
        foreach (var path in new[] { "/", "/metrics-dashboard", "/healthy" })
        {
            using var passed = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        }

        Assert.Equal(["/", "/metrics-dashboard", "/healthy"], _upstream.Received);

        await using var loopbackAllowed = await NginxFrontDoor.StartAsync([_upstream.Upstream], opsAllow: ["127.0.0.1"], cancellationToken: TestContext.Current.CancellationToken);
        using var operators = new HttpClient { BaseAddress = loopbackAllowed.Address };
        Assert.Equal("/metrics", (await EchoAsync(operators, "/metrics"))[":path"]);
    }

    [Fact]
    public async Task TheAffinityCookieIsSetOnceThenEveryRequestCarriesIt()
    {
        await using var front = await NginxFrontDoor.StartAsync([_upstream.Upstream], cancellationToken: TestContext.Current.CancellationToken);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = front.Address };
        var cancellationToken = TestContext.Current.CancellationToken;

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^ed_affinity=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax$", setCookie);
        var value = cookies.GetCookies(front.Address)["ed_affinity"]!.Value;

        using var second = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        var echoed = await second.Content.ReadFromJsonAsync<Dictionary<string, string>>(cancellationToken);
        Assert.Equal($"ed_affinity={value}", echoed!["cookie"]);
    }

    [Fact]
    public async Task WithACertificatePlainHttpRedirectsToHttpsAndHttpsReachesTheReplicasAsHttps()
    {
        var folder = Directory.CreateTempSubdirectory("employee-directory-tls-").FullName;
        try
        {
            using var certificate = SelfSignedCertificate();
            var certificatePath = Path.Combine(folder, "fullchain.pem");
            var keyPath = Path.Combine(folder, "privkey.pem");
            await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
            using (var key = certificate.GetECDsaPrivateKey()!)
            {
                await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
            }

            await using var front = await NginxFrontDoor.StartAsync([_upstream.Upstream], tls: (certificatePath, keyPath), cancellationToken: TestContext.Current.CancellationToken);
            using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var toHttps = new HttpRequestMessage(HttpMethod.Post, new Uri(front.Address, "/account/login?ReturnUrl=%2F"));
            toHttps.Headers.Host = $"directory.example:{front.Port}";
            using var redirect = await plain.SendAsync(toHttps, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
            Assert.Equal(new Uri($"https://directory.example:{front.HttpsPort}/account/login?ReturnUrl=%2F"), redirect.Headers.Location);
            Assert.Empty(_upstream.Received);

            using var secure = new HttpClient(new HttpClientHandler
            {
                // Trust exactly the certificate this test made, nothing else.
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            });
            using var response = await secure.GetAsync(new Uri(front.HttpsAddress, "/"), TestContext.Current.CancellationToken);
            var echoed = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(TestContext.Current.CancellationToken);
            Assert.Equal("https", echoed!["x-forwarded-proto"]);
            Assert.Equal($"127.0.0.1:{front.HttpsPort}", echoed["host"]);
            Assert.EndsWith("; Secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<string, string>> EchoAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await EchoAsync(client, request);
    }

    private static async Task<Dictionary<string, string>> EchoAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(TestContext.Current.CancellationToken))!;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=directory.example", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("directory.example");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
