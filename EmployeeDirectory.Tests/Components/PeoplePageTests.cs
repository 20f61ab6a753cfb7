using AngleSharp.Dom;
using Bunit;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Pages.Directory;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Tests.Components;

public sealed class PeoplePageTests : DirectoryUiTest
{
    private static List<string> ShownNames(IRenderedComponent<PeoplePage> page) =>
        [.. page.FindAll(".directory-name a").Select(link => link.TextContent.Trim())];

    private static IElement RowOf(IRenderedComponent<PeoplePage> page, int employeeId) =>
        page.Find($"a[href='employees/{employeeId}']").Closest("tr")
        ?? throw new InvalidOperationException($"No row for employee {employeeId}.");

    [Fact]
    public async Task TheDirectoryListsTheFirstPageWithLinksTitlesAndStatuses()
    {
        var expected = await FirstPageAsync();

        var page = RenderWithProviders<PeoplePage>();

        page.WaitForAssertion(() => Assert.Equal(expected.Select(row => row.DisplayName), ShownNames(page)));
        var first = expected[0];
        var row = RowOf(page, first.Id);
        Assert.Contains(first.Title, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(first.Department, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(first.Location, row.TextContent, StringComparison.Ordinal);
        Assert.Equal(first.Status.Presence == PresenceStatus.In ? "in" : "out", row.QuerySelector(".status-chip")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task TypingASearchFiltersTheRowsAndPutsTheQueryInTheUrl()
    {
        var everyone = await FirstPageAsync();
        var term = everyone[^1].Email;
        var expected = await FirstPageAsync(new DirectoryQuery { Text = term });
        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.Equal(everyone.Count, ShownNames(page).Count));

        page.Find(".directory-search input").Input(term);

        page.WaitForAssertion(() => Assert.Equal(expected.Select(row => row.DisplayName), ShownNames(page)));
        Assert.True(expected.Count < everyone.Count);
        Assert.Contains($"q={Uri.EscapeDataString(term)}", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void ASearchNobodyMatchesSaysSo()
    {
        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(ShownNames(page)));

        page.Find(".directory-search input").Input("zz-nobody-zz");

        page.WaitForAssertion(() => Assert.Contains("No one matches \u201czz-nobody-zz\u201d.", page.Find(".directory-empty").TextContent, StringComparison.Ordinal));
        Assert.Empty(ShownNames(page));
    }

    [Fact]
    public async Task AQueryInTheUrlIsAppliedWhenThePageOpensAndWhenGoingBack()
    {
        var inOnly = await FirstPageAsync(new DirectoryQuery { Status = PresenceStatus.In });
        var outOnly = await FirstPageAsync(new DirectoryQuery { Status = PresenceStatus.Out, Sort = DirectorySort.NameDescending });
        Navigation.NavigateTo("/?status=in");

        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.Equal(inOnly.Select(row => row.DisplayName), ShownNames(page)));

        Navigation.NavigateTo("/?status=out&sort=NameDescending");
        page.WaitForAssertion(() => Assert.Equal(outOnly.Select(row => row.DisplayName), ShownNames(page)));

        Navigation.NavigateTo("/?status=in");
        page.WaitForAssertion(() => Assert.Equal(inOnly.Select(row => row.DisplayName), ShownNames(page)));
    }

    [Fact]
    public async Task ChoosingInShowsOnlyPeopleWhoAreIn()
    {
        var inOnly = await FirstPageAsync(new DirectoryQuery { Status = PresenceStatus.In });
        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(ShownNames(page)));

        page.FindAll(".directory-status input[type=radio]")[1].Click();

        page.WaitForAssertion(() => Assert.Equal(inOnly.Select(row => row.DisplayName), ShownNames(page)));
        Assert.All(page.FindAll(".status-chip"), chip => Assert.Equal("in", chip.GetAttribute("data-status")));
        Assert.Contains("status=in", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepartmentInTheUrlFiltersTheRows()
    {
        var department = (await Directory.GetDepartmentsAsync(Xunit.TestContext.Current.CancellationToken))[0].Name;
        var expected = await FirstPageAsync(new DirectoryQuery { Department = department });
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("department", department));

        var page = RenderWithProviders<PeoplePage>();

        page.WaitForAssertion(() => Assert.Equal(expected.Select(row => row.DisplayName), ShownNames(page)));
        Assert.All(page.FindAll(".directory-table tbody tr"), row => Assert.Contains(department, row.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TogglingStatusFlipsTheChipAndRecordsWhoChangedIt()
    {
        var first = (await FirstPageAsync())[0];
        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(ShownNames(page)));
        var before = first.Status.Presence;
        var after = before == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

        RowOf(page, first.Id).QuerySelector(".presence-button")!.Click();

        page.WaitForAssertion(() =>
            Assert.Equal(after == PresenceStatus.In ? "in" : "out", RowOf(page, first.Id).QuerySelector(".status-chip")!.GetAttribute("data-status")));
        var stored = (await EmployeeAsync(first.Id)).Status;
        Assert.Equal(after, stored.Presence);
        Assert.Equal(AdminEmail, stored.ChangedBy);
        Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Message is { } message && message.Contains($"{first.DisplayName} is now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusChangeMadeElsewhereRefreshesTheShownRow()
    {
        var first = (await FirstPageAsync())[0];
        var page = RenderWithProviders<PeoplePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(ShownNames(page)));
        var after = first.Status.Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

        var result = await Presence.SetPresenceAsync(first.Id, new PresenceUpdate(after, "at the dentist"), TestActors.Admin("reception"), Xunit.TestContext.Current.CancellationToken);
        Assert.True(result.IsOk);

        page.WaitForAssertion(() =>
        {
            var row = RowOf(page, first.Id);
            Assert.Equal(after == PresenceStatus.In ? "in" : "out", row.QuerySelector(".status-chip")!.GetAttribute("data-status"));
            Assert.Equal("at the dentist", row.QuerySelector(".status-note")!.TextContent);
        });
    }

    [Fact]
    public async Task ANameWithMarkupIsShownAsText()
    {
        var target = (await FirstPageAsync())[0];
        const string name = "<script>alert('x')</script><b>Bobby</b>";
        await EditElsewhereAsync(target.Id, update => update with { DisplayName = name });

        var page = RenderWithProviders<PeoplePage>();

        page.WaitForAssertion(() => Assert.Contains(name, ShownNames(page)));
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll(".directory-name b"));
    }
}
