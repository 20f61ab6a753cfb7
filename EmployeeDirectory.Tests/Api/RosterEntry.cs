using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Api;

/// <summary>An employee as the database holds it: the truth API answers are checked against.</summary>
internal sealed record RosterEntry(
    int Id,
    string GivenName,
    string FamilyName,
    string DisplayName,
    string Title,
    string Department,
    string Email,
    string Phone,
    string Location,
    PresenceStatus Presence,
    string? Note,
    Guid ConcurrencyStamp)
{
    public static Task<List<RosterEntry>> LoadAsync(DirectoryAppFactory app) =>
        app.QueryDatabaseAsync(db => db.Employees
            .AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new RosterEntry(
                e.Id,
                e.GivenName,
                e.FamilyName,
                e.DisplayName,
                e.Title,
                e.Department!.Name,
                e.Email,
                e.Phone,
                e.Location,
                e.Presence,
                e.PresenceNote,
                e.ConcurrencyStamp))
            .ToListAsync(TestContext.Current.CancellationToken));

    public static async Task<RosterEntry> LoadAsync(DirectoryAppFactory app, int id) =>
        (await LoadAsync(app)).Single(e => e.Id == id);
}
