using EmployeeDirectory.Tests.Browser;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using Microsoft.Playwright;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// The cross-server promises through the real front door: browsers and API clients talk to nginx only,
/// pinned to a replica by the affinity cookie as a real browser would be (the tests choose the cookie value,
/// so each browser lands where the test needs it). In the browser collection: one Chromium, one test at a time.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ClusterTests(BrowserFixture browser, ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    // Runs before any page script: timestamps the first click, and remembers in sessionStorage (which
    // survives the reload that follows a rejected reconnection) that Blazor showed its reconnect dialog.
    private const string PageProbes = """
        (() => {
          document.addEventListener('click', () => { window.edClickedAt ??= Date.now(); }, true);
          new MutationObserver(records => {
            for (const record of records) {
              for (const node of record.addedNodes) {
                if (node.id === 'components-reconnect-modal') {
                  sessionStorage.setItem('ed-reconnect-shown', (node.shadowRoot ?? node).textContent || 'shown');
                }
              }
            }
          }).observe(document, { childList: true, subtree: true });
        })();
        """;

    private readonly List<IPage> _pages = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await BrowserFixture.KeepScreenshotIfFailedAsync(page);
            await page.Context.CloseAsync();
        }

        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(cluster.Diagnostics());
        }
    }

    /// <summary>
    /// A fresh browser pinned to <paramref name="replica"/>, signed in as the demo admin at <paramref name="path"/>,
    /// and interactive: its circuit runs on that replica. (The prerendered page already shows its data, so
    /// before this a click reaches no handler, and a replica stopped now would not be the circuit's: the
    /// circuit would simply start on another one.)
    /// </summary>
    private async Task<IPage> SignedInPageAsync(AppReplica replica, string path)
    {
        var page = await browser.NewPageAsync(cluster.Front);
        _pages.Add(page);
        await page.Context.AddInitScriptAsync(PageProbes);
        await page.Context.AddCookiesAsync([new Cookie { Name = ClusterFixture.AffinityCookie, Value = cluster.PinFor(replica), Url = cluster.Front.ToString() }]);
        await BrowserSignIn.SignInAsync(page, ClusterFixture.AdminEmail, cluster.DemoPassword, path);
        await ExpectServedByAsync(page, replica);
        await BrowserSignIn.WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Reloads the page and checks that <paramref name="replica"/> served it.</summary>
    private static async Task ExpectServedByAsync(IPage page, AppReplica replica)
    {
        var response = await page.ReloadAsync() ?? throw new InvalidOperationException("The reload had no response.");
        Assert.Equal(replica.Name, await response.HeaderValueAsync(ClusterFixture.ServedByHeader));
    }

    private static string DirectoryShowing(EmployeeListItem employee) => $"/?q={Uri.EscapeDataString(employee.Email)}";

    /// <summary>The directory's rows; they appear once the page's circuit is interactive.</summary>
    private static ILocator EmployeeRows(IPage page) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Employees" })
            .Locator("tbody")
            .GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    /// <summary>Marks the page's window: the mark is gone if the page reloads.</summary>
    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.edNotReloaded = true; }");

    private static async Task<bool> StillMarkedAsync(IPage page) => await page.EvaluateAsync<bool>("() => window.edNotReloaded === true");
}
