using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// Everything the directory caches, in one place: the policies with their lifetimes, the key families with
/// their templates and value types, and what each write invalidates. The cache engine, the services, the
/// admin console and the tests all read it from here; adding a key family or a policy is an edit here.
/// </summary>
public static class DirectoryCacheContract
{
    /// <summary>Slow-changing fields (names, titles, departments) and everything derived from them: a day in Redis, five minutes per server.</summary>
    public static readonly CachePolicy Profile = new(
        "Profile",
        new CachePolicySettings(Ttl: TimeSpan.FromHours(24), Jitter: 0.1, L1Cap: TimeSpan.FromMinutes(5)),
        "Names, titles, departments, contact details and the search roster: they change about once a year.");

    /// <summary>Fast-changing In/Out status and everything derived from it: a minute in Redis, ten seconds per server.</summary>
    public static readonly CachePolicy Status = new(
        "Status",
        new CachePolicySettings(Ttl: TimeSpan.FromSeconds(60), Jitter: 0.1, L1Cap: TimeSpan.FromSeconds(10)),
        "In/Out status and who is In: it changes about ten times a day.");

    /// <summary>One employee's profile fields.</summary>
    public static readonly CacheKeyFamily<EmployeeProfile> EmployeeProfile = new(
        "employee:{id}:profile", Profile, DirectoryCacheJsonContext.Default.EmployeeProfile, "Name, title, department, email, phone, location");

    /// <summary>One employee's In/Out status.</summary>
    public static readonly CacheKeyFamily<EmployeeStatus> EmployeeStatus = new(
        "employee:{id}:status", Status, DirectoryCacheJsonContext.Default.EmployeeStatus, "In/Out, note, changed at, changed by");

    /// <summary>Name-derived: the search index over every employee.</summary>
    public static readonly CacheKeyFamily<RosterIndex> Roster = new(
        "directory:roster", Profile, DirectoryCacheJsonContext.Default.RosterIndex, "Search index: every employee's names, title, department, email and location, with departments");

    /// <summary>Status-derived: who is In right now (the In/Out filter reads it).</summary>
    public static readonly CacheKeyFamily<PresenceRoster> Presence = new(
        "directory:presence", Status, DirectoryCacheJsonContext.Default.PresenceRoster, "Ids of everyone who is In");

    /// <summary>The contract the engine is registered with.</summary>
    public static readonly CacheContract Contract = new([Profile, Status], [EmployeeProfile, EmployeeStatus, Roster, Presence]);

    /// <summary>
    /// What each write invalidates, and nothing else: a status change never touches a profile or search key,
    /// a profile edit never touches a status key.
    /// </summary>
    public static readonly IReadOnlyDictionary<DirectoryWrite, IReadOnlyList<CacheKeyFamily>> Invalidations =
        new Dictionary<DirectoryWrite, IReadOnlyList<CacheKeyFamily>>
        {
            [DirectoryWrite.SetPresence] = [EmployeeStatus, Presence],
            [DirectoryWrite.EditProfile] = [EmployeeProfile, Roster],
        };

    /// <summary>The full keys a write to one employee invalidates.</summary>
    public static IReadOnlyList<string> KeysInvalidatedBy(this CacheKeySpace keys, DirectoryWrite write, int employeeId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.NamesOf(Invalidations[write], employeeId);
    }
}
