using Bunit;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Components.Pages.Employees;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// The employee page while the database is locked: the page still shows the employee (from the cache), and a
/// status change or a profile save says plainly that nothing was saved, and nothing is. The services are the
/// real ones over a SQLite file whose connections wait 1 s for a lock.
/// </summary>
[Collection(FaultsTestGroup.Name)]
public sealed class DatabaseOutageUiTests : DirectoryUiTest
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    protected override Task<DirectoryServicesHost> StartCoreAsync(TestDatabase database)
    {
        var connectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = 1 }.ToString();
        return DirectoryServicesHost.StartAsync(
            database, services: services => services.PostConfigure<DatabaseOptions>(options => options.ConnectionString = connectionString));
    }

    [Fact]
    public async Task WithTheDatabaseLockedThePageStillShowsTheEmployeeAndSaysThatNeitherAStatusChangeNorAProfileEditWasSaved()
    {
        var id = (await FirstPageAsync())[0].Id;
        var page = RenderWithProviders<EmployeePage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("#givenName");
        var before = await StoredAsync(id);
        var chip = page.Find(".presence-panel .status-chip").GetAttribute("data-status");

        await using (await SqliteFileLock.AcquireAsync(Database.FilePath))
        {
            page.Find(".presence-panel .presence-button").Click();
            page.WaitForAssertion(() => Assert.Contains(
                Snackbar.ShownSnackbars,
                snackbar => snackbar.Message == $"The directory's database can't be reached right now, so {before.DisplayName}'s status was not changed. Try again in a moment."));
            Assert.Equal(chip, page.Find(".presence-panel .status-chip").GetAttribute("data-status"));

            page.Find("#title").Input("Saved during the outage");
            page.Find(".profile-save").Click();
            page.WaitForAssertion(() => Assert.Contains(
                "The directory's database can't be reached right now, so nothing was saved. Your changes are still here: try again in a moment.",
                page.Find(".mud-alert-text-error").TextContent,
                StringComparison.Ordinal));
            Assert.Equal("Saved during the outage", page.Find("#title").GetAttribute("value"));

            // Reads the cache answers still work while the database is locked.
            Assert.Equal(before.DisplayName, (await EmployeeAsync(id)).Profile.DisplayName);
        }

        var after = await StoredAsync(id);
        Assert.Equal((before.Title, before.Presence, before.PresenceVersion, before.Intents), (after.Title, after.Presence, after.PresenceVersion, after.Intents));
    }

    /// <summary>The row and the outbox as the database holds them.</summary>
    private async Task<(string DisplayName, string Title, PresenceStatus Presence, long PresenceVersion, int Intents)> StoredAsync(int id)
    {
        await using var db = await Database.ContextFactory.CreateDbContextAsync(Token);
        var row = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == id, Token);
        return (row.DisplayName, row.Title, row.Presence, row.PresenceVersion, await db.CacheIntents.CountAsync(Token));
    }
}
