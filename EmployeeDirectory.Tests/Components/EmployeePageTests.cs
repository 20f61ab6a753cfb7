using Bunit;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Pages.Employees;

namespace EmployeeDirectory.Tests.Components;

public sealed class EmployeePageTests : DirectoryUiTest
{
    private async Task<(int Id, IRenderedComponent<EmployeePage> Page)> OpenFirstEmployeeAsync()
    {
        var id = (await FirstPageAsync())[0].Id;
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("#givenName");
        return (id, page);
    }

    /// <summary>The helper line MudBlazor shows in error under the field whose input has this id (empty when none).</summary>
    private static string FieldError(IRenderedComponent<EmployeePage> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private static void Save(IRenderedComponent<EmployeePage> page) => page.Find(".profile-save").Click();

    [Fact]
    public async Task TheEmployeePageShowsTheProfileAndStatus()
    {
        var id = (await FirstPageAsync())[0].Id;
        var details = await EmployeeAsync(id);

        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal(details.Profile.DisplayName, page.Find("h1.employee-name").TextContent.Trim()));
        Assert.Contains(details.Profile.Email, page.Find(".employee-contact").TextContent, StringComparison.Ordinal);
        Assert.Equal(details.Profile.GivenName, page.Find("#givenName").GetAttribute("value"));
        Assert.Equal(details.Status.Presence == PresenceStatus.In ? "in" : "out", page.Find(".presence-panel .status-chip").GetAttribute("data-status"));
    }

    [Fact]
    public void AnUnknownIdShowsAFriendlyNotFoundWithALinkBack()
    {
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, 987_654));

        page.WaitForAssertion(() => Assert.Equal("No such employee", page.Find("h1").TextContent.Trim()));
        Assert.Equal("/", page.Find(".employee-not-found a").GetAttribute("href"));
    }

    [Fact]
    public async Task AnEmptyGivenNameAndABadEmailShowFieldErrorsAndSaveNothing()
    {
        var (id, page) = await OpenFirstEmployeeAsync();
        var before = await EmployeeAsync(id);

        page.Find("#givenName").Input("");
        page.Find("#email").Input("not-an-email");
        Save(page);

        page.WaitForAssertion(() =>
        {
            Assert.StartsWith("Given name is required.", FieldError(page, "givenName"), StringComparison.Ordinal);
            Assert.StartsWith(Assert.Single(ProfileRules.Check(ProfileFields.Email, "not-an-email")), FieldError(page, "email"), StringComparison.Ordinal);
            Assert.Equal("", FieldError(page, "familyName"));
        });
        Assert.Equal(before.Profile, (await EmployeeAsync(id)).Profile);
    }

    [Fact]
    public async Task TheServicesFieldErrorsAppearNextToTheirFields()
    {
        var rows = await FirstPageAsync();
        var (id, page) = await OpenFirstEmployeeAsync();
        var takenEmail = rows.First(row => row.Id != id).Email;

        page.Find("#email").Input(takenEmail);
        Save(page);

        page.WaitForAssertion(() => Assert.StartsWith("Another employee already uses this email.", FieldError(page, "email"), StringComparison.Ordinal));
        Assert.NotEqual(takenEmail, (await EmployeeAsync(id)).Profile.Email);
    }

    [Fact]
    public async Task SavingStoresTheEditAndConfirmsWithASnackbar()
    {
        var (id, page) = await OpenFirstEmployeeAsync();

        page.Find("#title").Input("Head of Cache Invalidation");
        Save(page);

        page.WaitForAssertion(() => Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Message == "Saved"));
        Assert.Equal("Head of Cache Invalidation", (await EmployeeAsync(id)).Profile.Title);
        page.WaitForAssertion(() => Assert.Contains("Head of Cache Invalidation", page.Find(".employee-summary").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASaveThatLostARaceShowsTheConflictAndReloadLoadsTheCurrentVersion()
    {
        var (id, page) = await OpenFirstEmployeeAsync();
        page.Find("#title").Input("My title");

        await EditElsewhereAsync(id, update => update with { Title = "Their title" });
        Save(page);

        page.WaitForAssertion(() => Assert.Contains("Someone else saved this profile first", page.Find(".profile-conflict").TextContent, StringComparison.Ordinal));
        Assert.Equal("Their title", (await EmployeeAsync(id)).Profile.Title);

        page.Find(".profile-conflict button").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll(".profile-conflict"));
            Assert.Equal("Their title", page.Find("#title").GetAttribute("value"));
        });
    }

    [Fact]
    public async Task AnEditElsewhereRefreshesAnUntouchedForm()
    {
        var (id, page) = await OpenFirstEmployeeAsync();

        await EditElsewhereAsync(id, update => update with { Location = "Lisbon office" });

        page.WaitForAssertion(() => Assert.Equal("Lisbon office", page.Find("#location").GetAttribute("value")));
    }

    [Fact]
    public async Task SettingStatusWithANoteFlipsTheChipAndShowsTheNote()
    {
        var (id, page) = await OpenFirstEmployeeAsync();
        var before = (await EmployeeAsync(id)).Status.Presence;
        var after = before == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

        page.Find("#presenceNote").Input("back at 3pm");
        page.Find(".presence-panel .presence-button").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(after == PresenceStatus.In ? "in" : "out", page.Find(".presence-panel .status-chip").GetAttribute("data-status"));
            Assert.Equal("back at 3pm", page.Find(".presence-panel .status-note").TextContent);
        });
        var stored = (await EmployeeAsync(id)).Status;
        Assert.Equal(after, stored.Presence);
        Assert.Equal("back at 3pm", stored.Note);
    }

    [Fact]
    public async Task AProfileNameWithMarkupIsShownAsText()
    {
        var id = (await FirstPageAsync())[0].Id;
        const string name = "<script>alert('x')</script>";
        await EditElsewhereAsync(id, update => update with { DisplayName = name });

        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal(name, page.Find("h1.employee-name").TextContent.Trim()));
        Assert.Empty(page.FindAll("script"));
    }
}
