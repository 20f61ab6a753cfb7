using System.Net;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.Replicas;

/// <summary>Replica:Name: validated at start-up, named on every response, and the admin stream of this replica's L1 evictions.</summary>
public sealed class ReplicaTests
{
    private const string EvictionStream = "/api/admin/cache/evictions";

    [Fact]
    public async Task EveryResponseNamesTheReplicaThatServedIt()
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Replica:Name"] = "web-7" });
        using var client = app.CreateAnonymousClient();

        // A probe, a redirect to sign in, an API refusal and a page that does not exist.
        foreach (var path in new[] { "/health/live", "/", "/api/employees", "/no-such-page" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal("web-7", Assert.Single(response.Headers.GetValues("X-Served-By")));
        }
    }

    [Fact]
    public async Task WithoutANameTheReplicaGoesByTheMachinesName()
    {
        await using var app = DirectoryAppFactory.Create();
        using var response = await app.CreateAnonymousClient().GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(Environment.MachineName, Assert.Single(response.Headers.GetValues("X-Served-By")));
    }

    [Theory]
    [InlineData("web 1")]
    [InlineData("web1\r\nSet-Cookie: x=y")]
    public async Task ANameThatCannotTravelInAHeaderStopsStartUpWithAMessage(string name)
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Replica:Name"] = name });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateAnonymousClient());
        Assert.Contains("Replica:Name may hold only letters, digits and . _ : -", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminWatchesThisReplicasEvictionsAsTheyHappen()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Replica:Name"] = "web-3" });
        var (id, _) = (await app.DemoEmployeesAsync())[0];
        using var watcher = app.CreateApiClient();
        using var response = await watcher.GetAsync(new Uri(EvictionStream, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));

        var (kind, ready) = await ServerSentEvents.NextAsync(events);
        Assert.Equal("ready", kind);
        Assert.Equal("web-3", ready.GetProperty("replica").GetString());

        var before = DateTimeOffset.UtcNow;
        using var client = app.CreateApiClient();
        (await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = "In" })).EnsureSuccessStatusCode();

        var (evictionKind, eviction) = await ServerSentEvents.NextAsync(events);
        Assert.Equal("eviction", evictionKind);
        Assert.Contains(app.Services.GetRequiredService<IFieldCache>().Keys.Status(id).Name, eviction.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.False(eviction.GetProperty("remote").GetBoolean());
        Assert.InRange(eviction.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task OnlyAdminsMayWatchTheEvictionStream()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = DirectoryAppFactory.Create();
        var (_, email) = (await app.DemoEmployeesAsync())[0];

        using var anonymous = await app.CreateAnonymousClient().GetAsync(new Uri(EvictionStream, UriKind.Relative), cancellationToken);
        using var employee = await app.CreateApiClient(DirectoryRoles.Employee, email).GetAsync(new Uri(EvictionStream, UriKind.Relative), cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employee.StatusCode);
    }
}
