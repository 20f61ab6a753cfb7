using Bunit;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Pages.Employees;
using EmployeeDirectory.Web.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, toggle floods on the page: the status buttons go through the same limit as the API; over it the
/// person is told to wait, and the status stays as it was.
/// </summary>
public sealed class StatusButtonFloodTests : DirectoryUiTest
{
    /// <summary>As the app composes it: the limit (one change a minute here) around the presence service the buttons call.</summary>
    protected override IPresenceService PresenceServiceOf(DirectoryServicesHost core) =>
        new PresenceWriteLimit(core.Presence, permits: 1, TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<PresenceWriteLimit>.Instance);

    [Fact]
    public async Task OverTheLimitTheButtonSaysToWaitAndChangesNothing()
    {
        var me = (await FirstPageAsync())[0];
        SignInAsEmployee(me.Id, me.Email);
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, me.Id));

        page.WaitForElement(".presence-panel .presence-button").Click();
        page.WaitForAssertion(() => Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Message?.Contains("is now", StringComparison.Ordinal) == true));
        var afterFirst = (await EmployeeAsync(me.Id)).Status;

        page.WaitForElement(".presence-panel .presence-button").Click();

        page.WaitForAssertion(() => Assert.Contains(Snackbar.ShownSnackbars, snackbar => snackbar.Severity == Severity.Warning && snackbar.Message?.Contains("too often", StringComparison.Ordinal) == true));
        Assert.Equal(afterFirst.Stamp, (await EmployeeAsync(me.Id)).Status.Stamp);
    }
}
