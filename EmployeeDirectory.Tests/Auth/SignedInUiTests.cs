using Bunit;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Pages.Directory;
using EmployeeDirectory.Web.Components.Pages.Employees;
using EmployeeDirectory.Web.Components.Presence;
using MudBlazor;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// The pages offer each user only what they may do, over the real services and the app's real policies:
/// an employee sees the status button on their own row only and no edit form; an admin sees all of it.
/// </summary>
public sealed class SignedInUiTests : DirectoryUiTest
{
    [Fact]
    public async Task AnEmployeeSeesTheStatusButtonOnlyOnTheirOwnRow()
    {
        var rows = await FirstPageAsync();
        var me = rows[2];
        SignInAsEmployee(me.Id, me.Email);

        var page = RenderWithProviders<PeoplePage>();

        page.WaitForAssertion(() => Assert.Equal(rows.Count, page.FindAll(".directory-name a").Count));
        var buttons = page.FindAll(".presence-button");
        var button = Assert.Single(buttons);
        Assert.Contains(me.DisplayName, button.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminSeesTheStatusButtonOnEveryRow()
    {
        var rows = await FirstPageAsync();

        var page = RenderWithProviders<PeoplePage>();

        page.WaitForAssertion(() => Assert.Equal(rows.Count, page.FindAll(".presence-button").Count));
    }

    [Fact]
    public async Task OnSomeoneElsesPageAnEmployeeSeesNoEditFormAndNoStatusControls()
    {
        var rows = await FirstPageAsync();
        SignInAsEmployee(rows[0].Id, rows[0].Email);

        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, rows[1].Id));

        page.WaitForElement(".presence-panel");
        Assert.Empty(page.FindAll(".profile-editor"));
        Assert.Empty(page.FindAll(".presence-button"));
        Assert.Empty(page.FindAll("#presenceNote"));
        Assert.Contains($"Only {rows[1].DisplayName} or an admin", page.Find(".presence-readonly").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheirOwnPageAnEmployeeSetsTheirStatusUnderTheirOwnName()
    {
        var me = (await FirstPageAsync())[0];
        SignInAsEmployee(me.Id, me.Email);
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, me.Id));
        page.WaitForElement(".presence-panel .presence-button");
        var target = me.Status.Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

        page.Find("#presenceNote").Input("in the lab");
        page.Find(".presence-panel .presence-button").Click();

        await WaitForStoredAsync(me.Id, status => status.Presence == target);
        var stored = (await EmployeeAsync(me.Id)).Status;
        Assert.Equal((target, "in the lab", me.Email), (stored.Presence, stored.Note, stored.ChangedBy));
        Assert.Empty(page.FindAll(".profile-editor"));
    }

    [Fact]
    public async Task AnAdminSeesTheEditFormOnAnyonesPage()
    {
        var someone = (await FirstPageAsync())[3];

        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, someone.Id));

        page.WaitForElement(".profile-editor");
        Assert.NotEmpty(page.FindAll(".presence-panel .presence-button"));
    }

    [Fact]
    public async Task AStatusButtonForSomeoneElseRefusesTheChangeEvenIfItIsShown()
    {
        // Pages never render it so; the button checks again, so a future page that forgets cannot leak the power.
        var rows = await FirstPageAsync();
        SignInAsEmployee(rows[0].Id, rows[0].Email);
        var before = (await EmployeeAsync(rows[1].Id)).Status;
        var button = RenderWithProviders<PresenceButton>(p => p
            .Add(c => c.EmployeeId, rows[1].Id)
            .Add(c => c.EmployeeName, rows[1].DisplayName)
            .Add(c => c.Target, before.Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In));

        button.Find("button").Click();

        button.WaitForAssertion(() => Assert.Contains(Snackbar.ShownSnackbars, snackbar =>
            snackbar.Severity == Severity.Warning && snackbar.Message is { } message && message.Contains("only your own status", StringComparison.Ordinal)));
        Assert.Equal(before, (await EmployeeAsync(rows[1].Id)).Status);
    }

    [Fact]
    public async Task SavingAProfileWithoutTheAdminRoleIsRefusedAndSavesNothing()
    {
        // As above: the editor is shown to admins only, and checks again when saving.
        var someone = (await FirstPageAsync())[4];
        var before = await EmployeeAsync(someone.Id);
        var editor = RenderWithOverlays<ProfileEditor>(p => p.Add(c => c.Profile, before.Profile));
        SignInAsEmployee(someone.Id, someone.Email);

        editor.Find("#title").Input("Chief Everything Officer");
        editor.Find(".profile-save").Click();

        editor.WaitForAssertion(() => Assert.Contains("Only an admin can edit profiles", editor.Markup, StringComparison.Ordinal));
        Assert.Equal(before.Profile, (await EmployeeAsync(someone.Id)).Profile);
    }

    private Task<EmployeeStatus> WaitForStoredAsync(int id, Func<EmployeeStatus, bool> condition) =>
        Eventually.ReturnsAsync(async () => (await EmployeeAsync(id)).Status, condition, $"employee {id}'s stored status to change");
}
