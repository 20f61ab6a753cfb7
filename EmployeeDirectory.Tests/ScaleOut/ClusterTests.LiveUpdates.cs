using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployeeDirectory.Tests.ScaleOut;

public sealed partial class ClusterTests
{
    private static readonly TimeSpan LiveUpdateTarget = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AStatusToggledInABrowserOnOneReplicaShowsInABrowserOnAnotherWithinASecondWithoutAReload()
    {
        var employee = (await cluster.EmployeesAsync())[4];
        var toggling = await SignedInPageAsync(cluster.Replicas[0], DirectoryShowing(employee));
        var watching = await SignedInPageAsync(cluster.Replicas[1], DirectoryShowing(employee));
        var row = EmployeeRows(toggling);
        var watched = EmployeeRows(watching);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(watched).ToHaveCountAsync(1);

        var before = await watched.Locator(".status-chip").GetAttributeAsync("data-status");
        var (after, button) = before == "in" ? ("out", "Set out") : ("in", "Set in");
        await MarkAsync(watching);
        // Timestamps the moment the watching page first shows the new status (same machine clock as the click's).
        await watching.EvaluateAsync(
            """
            expected => {
              const seen = () => document.querySelector('table tbody .status-chip')?.getAttribute('data-status') === expected;
              new MutationObserver(() => { if (seen()) { window.edShownAt ??= Date.now(); } })
                .observe(document.body, { subtree: true, childList: true, attributes: true });
            }
            """,
            after);

        await row.GetByRole(AriaRole.Button, new() { Name = $"{button}: {employee.DisplayName}" }).ClickAsync();

        await Expect(watched.Locator(".status-chip")).ToHaveAttributeAsync("data-status", after);
        var clickedAt = await toggling.EvaluateAsync<double>("() => window.edClickedAt");
        var shownAt = await watching.EvaluateAsync<double>("() => window.edShownAt");
        var latency = TimeSpan.FromMilliseconds(shownAt - clickedAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"Click on {cluster.Replicas[0].Name} to the new status in {cluster.Replicas[1].Name}'s browser: {latency.TotalMilliseconds:0} ms");
        Assert.True(latency < LiveUpdateTarget, $"The other replica's browser showed the toggle {latency.TotalMilliseconds:0} ms after the click.");
        Assert.True(await StillMarkedAsync(watching), "The watching page reloaded instead of updating live.");
        Assert.Equal(
            after == "in" ? PresenceStatus.In : PresenceStatus.Out,
            await cluster.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == employee.Id).Select(e => e.Presence).SingleAsync()));
    }

    [Fact]
    public async Task AProfileEditedInABrowserOnOneReplicaShowsInABrowserOnAnother()
    {
        var employee = (await cluster.EmployeesAsync())[5];
        var editing = await SignedInPageAsync(cluster.Replicas[0], $"/employees/{employee.Id}");
        var watching = await SignedInPageAsync(cluster.Replicas[1], DirectoryShowing(employee));
        var watched = EmployeeRows(watching);
        await Expect(watched).ToHaveCountAsync(1);
        await Expect(watched.GetByRole(AriaRole.Cell, new() { Name = employee.Title, Exact = true })).ToBeVisibleAsync();
        await MarkAsync(watching);

        var title = $"Scale-out tester {Guid.NewGuid().ToString("N")[..6]}";
        await editing.Locator("#title").FillAsync(title);
        await Expect(editing.Locator(".profile-save")).ToBeEnabledAsync();
        await editing.Locator(".profile-save").ClickAsync();
        await Expect(editing.GetByText("Saved")).ToBeVisibleAsync();

        await Expect(watched.GetByRole(AriaRole.Cell, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        Assert.True(await StillMarkedAsync(watching), "The watching page reloaded instead of updating live.");
        Assert.Equal(title, await cluster.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == employee.Id).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task ASignInCookieIssuedByOneReplicaIsAcceptedByAnother()
    {
        var issuer = cluster.Replicas[0];
        var other = cluster.Replicas[1];
        var page = await browser.NewPageAsync(cluster.Front);
        _pages.Add(page);
        await page.Context.AddCookiesAsync([new Cookie { Name = ClusterFixture.AffinityCookie, Value = cluster.PinFor(issuer), Url = cluster.Front.ToString() }]);
        var signInServedBy = new List<string?>();
        page.Response += (_, response) =>
        {
            if (response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.Ordinal))
            {
                signInServedBy.Add(response.Headers.GetValueOrDefault("x-served-by"));
            }
        };

        await BrowserSignIn.SignInAsync(page, ClusterFixture.AdminEmail, cluster.DemoPassword);
        Assert.Equal([issuer.Name], signInServedBy);
        // Every redirect of the sign-in kept the front door's host and port.
        Assert.StartsWith(cluster.Front.ToString(), page.Url, StringComparison.Ordinal);

        await page.Context.AddCookiesAsync([new Cookie { Name = ClusterFixture.AffinityCookie, Value = cluster.PinFor(other), Url = cluster.Front.ToString() }]);
        var response = await page.GotoAsync("/");
        Assert.Equal(other.Name, await response!.HeaderValueAsync(ClusterFixture.ServedByHeader));
        await Expect(page).Not.ToHaveURLAsync(BrowserSignIn.LoginPage());
        await Expect(page.Locator(".user-name")).ToHaveTextAsync(ClusterFixture.AdminEmail);
        await Expect(EmployeeRows(page).First).ToBeVisibleAsync();

        var api = await page.Context.APIRequest.GetAsync("/api/employees?pageSize=1");
        Assert.Equal(200, api.Status);
        Assert.Equal(other.Name, api.Headers.GetValueOrDefault("x-served-by"));
    }

    [Fact]
    public async Task AReplicasEvictionStreamThroughTheFrontDoorShowsAnotherReplicasWriteAsRemote()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var employee = (await cluster.EmployeesAsync())[7];
        using var watcher = cluster.CreateClient(pinnedTo: cluster.Replicas[1]);
        using var stream = await watcher.GetAsync(new Uri("/api/admin/cache/evictions", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(cluster.Replicas[1].Name, ClusterFixture.ServedBy(stream));
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync(cancellationToken));
        Assert.Equal("ready", (await ServerSentEvents.NextAsync(events)).Kind);

        using var writer = cluster.CreateClient(pinnedTo: cluster.Replicas[0]);
        using (var write = await ApiJson.PutAsync(writer, $"/api/employees/{employee.Id}/presence", new { status = "In", note = "remote" }))
        {
            Assert.Equal(cluster.Replicas[0].Name, ClusterFixture.ServedBy(write));
        }

        // Event by event (nginx must not buffer the stream), until the other replica's write arrives.
        // Keys carry the database's cache generation.
        var generation = await cluster.QueryDatabaseAsync(db => db.CacheGenerations.Select(g => g.Generation).SingleAsync());
        var key = new CacheKeySpace(DirectoryCacheContract.Contract, "ed:", generation).Status(employee.Id).Name;
        for (var seen = 0; ; seen++)
        {
            Assert.True(seen < 20, $"{cluster.Replicas[1].Name} streamed 20 events without evicting {key}");
            var (_, eviction) = await ServerSentEvents.NextAsync(events);
            if (eviction.GetProperty("keys").EnumerateArray().Any(k => k.GetString() == key))
            {
                Assert.True(eviction.GetProperty("remote").GetBoolean());
                Assert.Equal(cluster.Replicas[1].Name, eviction.GetProperty("replica").GetString());
                break;
            }
        }
    }
}
