using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.DirectoryCache;
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
            .Select(e => new EmployeeStatus(e.Id, e.Presence, e.PresenceNote, e.PresenceChangedAt, e.PresenceChangedBy, e.PresenceVersion, e.PresenceUntil))
            .ToDictionaryAsync(s => s.EmployeeId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The roster aggregate's members: every employee's searchable fields, and the departments.</summary>
    public async Task<IReadOnlyList<AggregateMember>> RosterMembersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await ThrowWhileSeedingAsync(db, cancellationToken).ConfigureAwait(false);
        var employees = await db.Employees.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new { Entry = new RosterEntry(e.Id, e.GivenName, e.FamilyName, e.DisplayName, e.Title, e.Department!.Name, e.Email, e.Location), e.ProfileVersion })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking()
            .Select(d => new { d.Id, d.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var members = new List<AggregateMember>(employees.Count + departments.Count);
        members.AddRange(employees.Select(e => RosterCodec.Member(e.Entry, e.ProfileVersion)));
        members.AddRange(departments.Select(d => RosterCodec.DepartmentMember(d.Id, d.Name)));
        return members;
    }

    /// <summary>The presence aggregate's members: every employee's In/Out and back-at time.</summary>
    public async Task<IReadOnlyList<AggregateMember>> PresenceMembersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await ThrowWhileSeedingAsync(db, cancellationToken).ConfigureAwait(false);
        var rows = await db.Employees.AsNoTracking()
            .Select(e => new { e.Id, e.PresenceVersion, e.Presence, e.PresenceUntil })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(row => PresenceCodec.Member(row.Id, row.PresenceVersion, row.Presence, row.PresenceUntil));
    }

    // Seeding commits the whole roster at once; an aggregate read before that would be empty, and must not be cached.
    private static async Task ThrowWhileSeedingAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CacheGenerations.AsNoTracking().AnyAsync(g => g.SeedingSinceMs != null, cancellationToken).ConfigureAwait(false))
        {
            throw new DirectoryNotReadyException();
        }
    }
}
