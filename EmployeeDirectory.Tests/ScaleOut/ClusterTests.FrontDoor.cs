using System.Net;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.ScaleOut;

public sealed partial class ClusterTests
{
    [Fact]
    public async Task RedirectsThroughTheFrontDoorKeepTheHostAndPortTheBrowserUsed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = cluster.CreateClient(pinnedTo: cluster.Replicas[1], withApiKey: false);

        using (var home = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Found, home.StatusCode);
            Assert.Equal(new Uri(cluster.Front, "/account/login?ReturnUrl=%2F"), new Uri(cluster.Front, home.Headers.Location!));
        }

        using var signedIn = await LoginForm.SubmitAsync(client, ClusterFixture.AdminEmail, cluster.DemoPassword, returnUrl: "/employees/3");
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(new Uri(cluster.Front, "/employees/3"), new Uri(cluster.Front, signedIn.Headers.Location!));
        Assert.Equal(cluster.Replicas[1].Name, ClusterFixture.ServedBy(signedIn));
    }

    [Fact]
    public async Task EveryResponseThroughTheFrontDoorNamesTheReplicaThatServedIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        string[] paths = ["/health/live", "/health/ready", "/metrics", "/favicon.svg", "/api/employees?pageSize=1", "/api/no-such-route", "/no-such-page", "/account/login"];
        foreach (var replica in cluster.Replicas.Take(2))
        {
            using var client = cluster.CreateClient(pinnedTo: replica);
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                Assert.True(
                    response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
                    $"GET {path} through nginx answered {(int)response.StatusCode}");
                Assert.Equal(replica.Name, ClusterFixture.ServedBy(response));
            }
        }
    }

    [Fact]
    public async Task ABrowserWithoutAnAffinityCookieGetsOneAndStaysOnTheReplicaItNames()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var client = cluster.CreateClient(cookies: cookies);
        using var first = await client.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
        var affinity = cookies.GetCookies(cluster.Front)[ClusterFixture.AffinityCookie];
        Assert.NotNull(affinity);
        Assert.True(affinity.HttpOnly);

        for (var request = 0; request < 10; request++)
        {
            using var next = await client.GetAsync(new Uri("/api/employees?pageSize=1", UriKind.Relative), cancellationToken);
            Assert.Equal(ClusterFixture.ServedBy(first), ClusterFixture.ServedBy(next));
            Assert.False(next.Headers.Contains("Set-Cookie"), "nginx set the affinity cookie again");
        }
    }
}
