using Bunit;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Pages.Employees;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, privacy on the employee page: the status timeline shows its notes and who made each change to the
/// person themself and to admins, and to another employee only In/Out, when and how.
/// </summary>
public sealed class StatusTimelinePrivacyTests : DirectoryUiTest
{
    [Fact]
    public async Task AnotherEmployeeSeesTheTimelineWithoutNotesOrNames()
    {
        var rows = await FirstPageAsync();
        var (subject, viewer) = (rows[5], rows[6]);
        await SetAsync(subject.Id, "picking up the kids");

        SignInAsEmployee(viewer.Id, viewer.Email);
        var asOther = Render<StatusTimeline>(p => p.Add(c => c.EmployeeId, subject.Id));
        asOther.WaitForElement(".timeline-item");

        Assert.Empty(asOther.FindAll(".timeline-note"));
        Assert.DoesNotContain("picking up the kids", asOther.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(MudBlazorTest.AdminEmail, asOther.Markup, StringComparison.Ordinal);

        SignInAsEmployee(subject.Id, subject.Email);
        var asThemself = Render<StatusTimeline>(p => p.Add(c => c.EmployeeId, subject.Id));
        asThemself.WaitForAssertion(() => Assert.Contains("picking up the kids", asThemself.Find(".timeline-note").TextContent, StringComparison.Ordinal));
        Assert.Contains($"by {MudBlazorTest.AdminEmail}", asThemself.Markup, StringComparison.Ordinal);
    }

    private async Task SetAsync(int id, string note)
    {
        var result = await Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, note, Source: PresenceSource.Ui), TestActors.Admin(MudBlazorTest.AdminEmail), Xunit.TestContext.Current.CancellationToken);
        Assert.True(result.IsOk);
    }
}
