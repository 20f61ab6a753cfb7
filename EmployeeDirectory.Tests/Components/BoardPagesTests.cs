using Bunit;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Pages.Employees;
using EmployeeDirectory.Web.Components.Pages.RollCall;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// The In/Out board's parts of the pages over the real services and a real SQLite file: setting a back-at time
/// (quick choices, the service's field error by the picker), the status history timeline, the vCard link, the avatar,
/// and the roll call with its groups, names, live updates and totals.
/// </summary>
public sealed class BoardPagesTests : DirectoryUiTest
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQuickChoiceSetsAnOutStatusThatEndsInAnHour()
    {
        var row = (await FirstPageAsync(new DirectoryQuery { Status = PresenceStatus.In }))[0];
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, row.Id));
        page.WaitForElement(".back-at");
        var before = DateTimeOffset.UtcNow;

        page.FindAll(".back-at-choice").Single(b => b.TextContent.Trim() == "1 h").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Reverts ", page.Find(".back-at-chosen").TextContent.Trim(), StringComparison.Ordinal));
        page.FindAll(".presence-panel .presence-button").Single(b => b.TextContent.Trim() == "Set out").Click();

        page.WaitForAssertion(() => Assert.Equal("out", page.Find(".presence-panel .status-chip").GetAttribute("data-status")));
        var stored = (await EmployeeAsync(row.Id)).Status;
        Assert.Equal(PresenceStatus.Out, stored.Presence);
        Assert.NotNull(stored.Until);
        Assert.InRange(stored.Until.Value, before.AddMinutes(60), before.AddMinutes(62));
        page.WaitForAssertion(() => Assert.StartsWith("back ", page.Find(".presence-panel .status-until").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEndThatPassedWhileThePageWasOpenIsRefusedNextToThePicker()
    {
        var row = (await FirstPageAsync())[0];
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, row.Id));
        page.WaitForElement(".back-at");
        var before = (await EmployeeAsync(row.Id)).Status;

        // A time of day that has just passed: today, a minute ago (the picker means tomorrow only for a bare time).
        var now = DateTime.UtcNow.AddMinutes(-1);
        page.Find(".back-at-date input").Change(now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.Find(".back-at-time input").Change(now.ToString("hh:mm tt", System.Globalization.CultureInfo.InvariantCulture));
        page.WaitForElement(".back-at-chosen");
        page.FindAll(".presence-panel .presence-button")[0].Click();

        page.WaitForAssertion(() => Assert.Equal("The back-at time must be in the future.", page.Find(".back-at-error").TextContent.Trim()));
        Assert.Equal(before, (await EmployeeAsync(row.Id)).Status);
    }

    [Fact]
    public async Task TheEmployeePageShowsTheStatusHistoryNewestFirstAndFollowsAChange()
    {
        var row = (await FirstPageAsync())[0];
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, row.Id));
        page.WaitForElement(".timeline-item");
        var shown = page.FindAll(".timeline-item").Count;

        var result = await Presence.SetPresenceAsync(row.Id, new PresenceUpdate(row.Status.Presence.Reverted(), "from the timeline test"), TestActors.Admin("reception@contoso.example"), Token);
        Assert.True(result.IsOk);

        page.WaitForAssertion(() =>
        {
            var newest = page.FindAll(".timeline-item")[0];
            Assert.Contains("from the timeline test", newest.TextContent, StringComparison.Ordinal);
            Assert.Contains("by reception@contoso.example", newest.TextContent, StringComparison.Ordinal);
            Assert.Equal(row.Status.Presence.Reverted() == PresenceStatus.In ? "in" : "out", newest.GetAttribute("data-to"));
        });
        Assert.Equal(shown + 1, page.FindAll(".timeline-item").Count);
    }

    [Fact]
    public async Task TheEmployeePageOffersAVCardAndShowsTheInitialsAvatar()
    {
        var row = (await FirstPageAsync())[0];

        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, row.Id));

        page.WaitForElement(".employee-vcard");
        Assert.Equal($"/api/employees/{row.Id}/vcard", page.Find(".employee-vcard").GetAttribute("href"));
        Assert.True(page.Find(".employee-vcard").HasAttribute("download"));
        var avatar = page.Find(".employee-heading .initials-avatar");
        Assert.Equal(Web.Components.Presence.AvatarColours.InitialsOf(row.DisplayName), avatar.TextContent.Trim());
        Assert.Contains($"background-color:{Web.Components.Presence.AvatarColours.Of(row.Id)}", avatar.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("true", avatar.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task TheRollCallCountsEachDepartmentOpensToNamesAndTotalsEveryone()
    {
        var everyone = (await FirstPageAsync(new DirectoryQuery { PageSize = 100 })).ToList();
        var rollCall = Services.GetRequiredService<IRollCallService>();
        var summary = await rollCall.GetRollCallAsync(Token);

        var page = RenderWithProviders<RollCallPage>();

        page.WaitForElement(".roll-call-group");
        Assert.Contains($"{summary.In} in", page.Find(".roll-call-totals").TextContent, StringComparison.Ordinal);
        var total = page.Find(".roll-call-total").TextContent;
        Assert.Contains(everyone.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), total, StringComparison.Ordinal);
        var department = everyone[0].Department;
        var group = page.Find($".roll-call-group[data-group='{department}']");
        Assert.Equal(everyone.Count(r => r.Department == department && r.Status.Presence == PresenceStatus.In).ToString(System.Globalization.CultureInfo.InvariantCulture), group.QuerySelector(".roll-call-group-in")!.TextContent.Trim());

        group.QuerySelector(".roll-call-toggle")!.Click();

        page.WaitForAssertion(() => Assert.Equal(
            everyone.Where(r => r.Department == department).Select(r => r.DisplayName).Order(StringComparer.Ordinal),
            page.FindAll(".roll-call-people li a").Select(a => a.TextContent).Order(StringComparer.Ordinal)));
        Assert.Equal("true", page.Find($".roll-call-group[data-group='{department}'] .roll-call-toggle").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task TheRollCallFollowsAStatusChange()
    {
        var outRow = (await FirstPageAsync(new DirectoryQuery { Status = PresenceStatus.Out }))[0];
        var page = RenderWithProviders<RollCallPage>();
        page.WaitForElement(".roll-call-group");
        var before = await Services.GetRequiredService<IRollCallService>().GetRollCallAsync(Token);

        Assert.True((await Presence.SetPresenceAsync(outRow.Id, new PresenceUpdate(PresenceStatus.In, null), TestActors.Admin(), Token)).IsOk);

        page.WaitForAssertion(() => Assert.Contains($"{before.In + 1} in", page.Find(".roll-call-totals").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRollCallGroupsByLocationToo()
    {
        var summary = await Services.GetRequiredService<IRollCallService>().GetRollCallAsync(Token);
        var page = RenderWithProviders<RollCallPage>();
        page.WaitForElement(".roll-call-group");

        page.FindAll(".roll-call-grouping button")[1].Click();

        page.WaitForAssertion(() => Assert.Equal(summary.Locations.Select(l => l.Name), page.FindAll(".roll-call-group").Select(g => g.GetAttribute("data-group"))));
    }
}
