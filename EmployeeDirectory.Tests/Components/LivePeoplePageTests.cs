using Bunit;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Live;
using EmployeeDirectory.Web.Components.Pages.Directory;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// An open directory page takes a change as a patch of the one row it concerns, with no query, unless the change may
/// move someone into or out of the page or reorder it; then it runs its query again, once per burst. Changes are made
/// through the real services (another user's write), and reach the page through the real feed and dispatcher.
/// </summary>
public sealed class LivePeoplePageTests : DirectoryUiTest
{
    // Long enough that a burst of writes on a loaded machine falls inside one interval.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(3);

    private CountingDirectoryService? _counted;

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private CountingDirectoryService Counted => _counted ?? throw new InvalidOperationException("The pages' directory service is not set up yet.");

    protected override LiveDirectoryOptions LiveOptions => new() { LiveRefreshInterval = RefreshInterval };

    protected override IDirectoryService DirectoryAsSeenByPages(IDirectoryService directory) => _counted = new CountingDirectoryService(directory);

    [Fact]
    public async Task AStatusChangeOnAnUnfilteredPageRunsNoQueryAndRendersOnlyItsRow()
    {
        var shown = await FirstPageAsync();
        var target = shown[3];
        var page = Open();
        var rows = RowsById(page);
        var rendersBefore = rows.ToDictionary(row => row.Key, row => row.Value.RenderCount);
        var searchesBefore = Counted.Searches;

        await SetElsewhereAsync(target.Id, Flipped(target.Status.Presence), "in a meeting");

        page.WaitForAssertion(() => Assert.Equal("in a meeting", rows[target.Id].Find(".status-note").TextContent));
        Assert.False(page.Instance.IsRefreshPending, "the change asked for the page's query to run again");
        Assert.Equal(searchesBefore, Counted.Searches);
        Assert.Equal(rendersBefore[target.Id] + 1, rows[target.Id].RenderCount);
        Assert.All(rows.Where(row => row.Key != target.Id), row => Assert.Equal(rendersBefore[row.Key], row.Value.RenderCount));
    }

    [Fact]
    public async Task AChangeToSomeoneThePageDoesNotShowReachesNoRowAndRunsNoQuery()
    {
        var everyone = await SearchAllAsync();
        var shown = await FirstPageAsync();
        var elsewhere = everyone.First(row => shown.All(visible => visible.Id != row.Id));
        var page = Open();
        var rows = RowsById(page);
        var rendersBefore = rows.ToDictionary(row => row.Key, row => row.Value.RenderCount);
        var searchesBefore = Counted.Searches;

        await SetElsewhereAsync(elsewhere.Id, Flipped(elsewhere.Status.Presence), "not on this page");
        await EditElsewhereAsync(elsewhere.Id, update => update with { Title = "Unseen title" });
        // Changes reach pages in the order they were made: once this one shows, the two above were handled.
        var marker = shown[0];
        await SetElsewhereAsync(marker.Id, Flipped(marker.Status.Presence), "marker");
        page.WaitForAssertion(() => Assert.Equal("marker", rows[marker.Id].Find(".status-note").TextContent));

        Assert.False(page.Instance.IsRefreshPending, "a change to someone not shown asked for the page's query to run again");
        Assert.Equal(searchesBefore, Counted.Searches);
        Assert.All(rows.Where(row => row.Key != marker.Id), row => Assert.Equal(rendersBefore[row.Key], row.Value.RenderCount));
    }

    [Fact]
    public async Task ATitleEditOnAPageSortedByNamePatchesTheRowWithoutAQuery()
    {
        var target = (await FirstPageAsync())[2];
        var page = Open();
        var rows = RowsById(page);
        var searchesBefore = Counted.Searches;

        await EditElsewhereAsync(target.Id, update => update with { Title = "Chief Patch Officer" });

        page.WaitForAssertion(() => Assert.Equal("Chief Patch Officer", rows[target.Id].Find("td.directory-title").TextContent));
        Assert.False(page.Instance.IsRefreshPending, "a title edit asked a page sorted by name to run its query again");
        Assert.Equal(searchesBefore, Counted.Searches);
    }

    [Fact]
    public async Task AProfileEditThatChangesTheSortKeyRunsTheQueryOnce()
    {
        var target = (await FirstPageAsync())[0];
        var page = Open();
        var searchesBefore = Counted.Searches;

        // Family name first in the default order: "Zzyzx" sorts last, off the first page.
        await EditElsewhereAsync(target.Id, update => update with { FamilyName = "Zzyzx" });

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("a.directory-link"), link => link.GetAttribute("href") == $"employees/{target.Id}"));
        Assert.Equal(searchesBefore + 1, Counted.Searches);
    }

    [Fact]
    public async Task AStatusChangeOnAPageFilteredByStatusRunsOneQueryForAWholeBurst()
    {
        var inQuery = new DirectoryQuery { Status = PresenceStatus.In, PageSize = DirectoryQuery.MaxPageSize };
        var outNow = (await SearchAllAsync()).Where(row => row.Status.Presence == PresenceStatus.Out).Take(5).ToList();
        Assert.Equal(5, outNow.Count);
        Navigation.NavigateTo("/?status=in&pageSize=100");
        var page = Open();
        var searchesBefore = Counted.Searches;

        foreach (var employee in outNow)
        {
            await SetElsewhereAsync(employee.Id, PresenceStatus.In, "back in");
        }

        page.WaitForAssertion(
            () => Assert.All(outNow, employee => Assert.Contains(page.FindAll("a.directory-link"), link => link.GetAttribute("href") == $"employees/{employee.Id}")),
            TimeSpan.FromSeconds(20));
        Assert.Equal(searchesBefore + 1, Counted.Searches);
        Assert.Equal((await Directory.SearchAsync(inQuery, Token)).Value!.Total, RowsById(page).Count);
    }

    private static PresenceStatus Flipped(PresenceStatus presence) => presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

    private static Dictionary<int, IRenderedComponent<DirectoryRowView>> RowsById(IRenderedComponent<PeoplePage> page) =>
        page.FindComponents<DirectoryRowView>().ToDictionary(row => row.Instance.Shown.Id);

    private IRenderedComponent<PeoplePage> Open()
    {
        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindComponents<DirectoryRowView>()));
        return page;
    }

    private async Task<IReadOnlyList<DirectoryRow>> SearchAllAsync() =>
        (await Directory.SearchAsync(new DirectoryQuery { PageSize = DirectoryQuery.MaxPageSize }, Token)).Value!.Items;

    private async Task SetElsewhereAsync(int id, PresenceStatus presence, string note)
    {
        var result = await Presence.SetPresenceAsync(id, new PresenceUpdate(presence, note), TestActors.Admin("reception"), Token);
        Assert.True(result.IsOk, $"Setting employee {id}'s status was refused: {result.Outcome}");
    }
}
