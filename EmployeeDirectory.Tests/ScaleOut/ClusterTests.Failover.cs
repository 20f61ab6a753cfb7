using System.Net;
using System.Net.Http.Json;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployeeDirectory.Tests.ScaleOut;

public sealed partial class ClusterTests
{
    /// <summary>
    /// The replica a browser's circuit lives on dies. Blazor shows its reconnect dialog; the reconnection goes
    /// through nginx to a live replica, which does not know the circuit, so the page reloads there, still
    /// signed in, and works. API clients pinned to the dead replica are answered by the others meanwhile.
    /// Only replica-3 is ever stopped, and no other test uses it.
    /// </summary>
    [Fact]
    public async Task WhenAReplicaStopsItsBrowserShowsTheReconnectDialogThenCarriesOnOnALiveReplicaAndTheApiKeepsAnswering()
    {
        var doomed = cluster.Replicas[2];
        var employee = (await cluster.EmployeesAsync())[6];
        var page = await SignedInPageAsync(doomed, DirectoryShowing(employee));
        var row = EmployeeRows(page);
        await Expect(row).ToHaveCountAsync(1);
        using var api = cluster.CreateClient(pinnedTo: doomed);
        using (var beforeTheCrash = await api.GetAsync(new Uri($"api/employees/{employee.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(doomed.Name, ClusterFixture.ServedBy(beforeTheCrash));
        }

        await MarkAsync(page);
        var reloaded = page.WaitForResponseAsync(
            response => response.Request.IsNavigationRequest && response.Frame == page.MainFrame,
            new() { Timeout = 30_000 });
        await doomed.KillAsync();

        var servedBy = await (await reloaded).HeaderValueAsync(ClusterFixture.ServedByHeader);
        Assert.NotNull(servedBy);
        Assert.NotEqual(doomed.Name, servedBy);
        // The response comes before the new document replaces the old one: wait for it (this survives the swap).
        await page.WaitForFunctionAsync("() => window.edNotReloaded !== true && document.readyState !== 'loading'");
        var dialog = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ed-reconnect-shown')");
        Assert.True(dialog is not null, "Blazor's reconnect dialog never appeared before the page reloaded.");
        Assert.Contains("Rejoining the server", dialog, StringComparison.Ordinal);

        // Still signed in on the live replica, and the page works: a toggle goes through.
        await Expect(page.Locator(".user-name")).ToHaveTextAsync(ClusterFixture.AdminEmail);
        await BrowserSignIn.WaitForInteractiveAsync(page);
        await Expect(row).ToHaveCountAsync(1);
        var chip = row.Locator(".status-chip");
        var before = await chip.GetAttributeAsync("data-status");
        var (after, button) = before == "in" ? ("out", "Set out") : ("in", "Set in");
        await row.GetByRole(AriaRole.Button, new() { Name = $"{button}: {employee.DisplayName}" }).ClickAsync();
        await Expect(chip).ToHaveAttributeAsync("data-status", after);

        // The API, through nginx and still pinned to the dead replica, answers from the others.
        for (var request = 0; request < 5; request++)
        {
            using var response = await api.GetAsync(new Uri($"api/employees/{employee.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(doomed.Name, ClusterFixture.ServedBy(response));
            var read = await response.Content.ReadFromJsonAsync<EmployeeResponse>(ApiJson.Options, TestContext.Current.CancellationToken);
            Assert.Equal(after, read!.Presence.Status.ToString().ToLowerInvariant());
        }
    }
}
