using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Presence;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The cache's loaders: the only reads that reach the database, each one query with a context of its own.
/// </summary>
internal sealed class EmployeeLoader(IDbContextFactory<DirectoryDbContext> contexts)
{
    public async Task<EmployeeProfile?> ProfileAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Employees.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EmployeeProfile(
                e.Id, e.GivenName, e.FamilyName, e.DisplayName, e.Title, e.DepartmentId, e.Department!.Name, e.Email, e.Phone, e.Location, e.ConcurrencyStamp))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<EmployeeStatus?> StatusAsync(int id, CancellationToken cancellationToken)
    {
        var found = await StatusesAsync([id], cancellationToken).ConfigureAwait(false);
        return found.GetValueOrDefault(id);
    }

    public async Task<IReadOnlyDictionary<int, EmployeeStatus>> StatusesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Employees.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new EmployeeStatus(e.Id, e.Presence, e.PresenceNote, e.PresenceChangedAt, e.PresenceChangedBy))
            .ToDictionaryAsync(s => s.EmployeeId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RosterIndex?> RosterAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var employees = await db.Employees.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new RosterEntry(e.Id, e.GivenName, e.FamilyName, e.DisplayName, e.Title, e.Department!.Name, e.Email, e.Location))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking()
            .Select(d => new RosterDepartment(d.Id, d.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return RosterIndex.Build(employees, departments);
    }

    public async Task<PresenceRoster?> PresenceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var inIds = await db.Employees.AsNoTracking()
            .Where(e => e.Presence == PresenceStatus.In)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PresenceRoster(inIds);
    }
}
