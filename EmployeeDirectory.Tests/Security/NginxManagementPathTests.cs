using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Tests.ScaleOut;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, the front door: the rendered deploy/nginx.conf.template keeps <c>/metrics</c> and <c>/health/*</c>
/// from everyone outside the operators' networks however the path is spelled (case, trailing slash, subpaths), and
/// nginx names no version.
/// </summary>
public sealed class NginxManagementPathTests : IAsyncLifetime
{
    private HeaderEchoServer _upstream = default!;

    public async ValueTask InitializeAsync() => _upstream = await HeaderEchoServer.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [InlineData("/METRICS")]
    [InlineData("/Metrics")]
    [InlineData("/metrics/")]
    [InlineData("/metrics/anything")]
    [InlineData("/Health/ready")]
    [InlineData("/HEALTH/LIVE")]
    [InlineData("/health")]
    [InlineData("/health/ready/")]
    [InlineData("/%6Detrics")]
    public async Task EverySpellingOfTheManagementPathsIsRefusedToOutsidersAndNeverReachesTheReplicas(string path)
    {
        await using var front = await NginxFrontDoor.StartAsync([_upstream.Upstream], opsAllow: ["192.0.2.0/24"], cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = front.Address };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task NginxNamesNoVersionInItsHeaderOrItsErrorPages()
    {
        await using var front = await NginxFrontDoor.StartAsync([_upstream.Upstream], opsAllow: ["192.0.2.0/24"], cancellationToken: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = front.Address };

        using var refused = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("nginx", Assert.Single(refused.Headers.Server).Product?.Name);
        Assert.Null(Assert.Single(refused.Headers.Server).Product?.Version);
        Assert.DoesNotMatch(@"nginx/\d", page);
        Assert.Contains("server_tokens off;", front.Configuration, StringComparison.Ordinal);
    }
}
