using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;

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

    /// <summary>One employee's In/Out status; a status with a back-at time is cached no longer than until then.</summary>
    public static readonly CacheKeyFamily<EmployeeStatus> EmployeeStatus = new(
        "employee:{id}:status", Status, DirectoryCacheJsonContext.Default.EmployeeStatus, "In/Out, note, back-at time, changed at, changed by")
    {
        EndsAt = status => status.Until,
    };

    /// <summary>Name-derived: the search index over every employee, patched one employee at a time.</summary>
    public static readonly CacheAggregateFamily<RosterIndex> Roster = new(
        "directory:roster", Profile, new RosterCodec(), "Search index: every employee's names, title, department, email and location, with departments; a field per employee");

    /// <summary>Status-derived: who is In right now (the In/Out filter reads it), patched one status at a time.</summary>
    public static readonly CacheAggregateFamily<PresenceRoster> Presence = new(
        "directory:presence", Status, new PresenceCodec(), "Everyone's In/Out; a field per employee");

    /// <summary>
    /// Status-derived: the roll call (In and Out counted in all, per department and per location), computed from the
    /// roster and presence aggregates; dropped by every presence change and cached no longer than its next back-at time.
    /// </summary>
    public static readonly CacheKeyFamily<RollCallSummary> RollCall = new(
        "directory:roll-call", Status, DirectoryCacheJsonContext.Default.RollCallSummary, "Roll call: In and Out counted in all, per department and per location")
    {
        EndsAt = rollCall => rollCall.EndsAt,
    };

    /// <summary>The contract the engine is registered with.</summary>
    public static readonly CacheContract Contract = new([Profile, Status], [EmployeeProfile, EmployeeStatus, Roster, Presence, RollCall]);

    /// <summary>
    /// What each write invalidates, and nothing else: a status change drops that employee's status key and the roll
    /// call, and patches their member of the presence aggregate; a profile edit drops that employee's profile key and
    /// patches their roster entry. Neither touches the other policy's keys (so a department or location edit reaches
    /// the roll call when its Status lifetime ends).
    /// </summary>
    public static readonly IReadOnlyDictionary<DirectoryWrite, WriteInvalidation> Invalidations =
        new Dictionary<DirectoryWrite, WriteInvalidation>
        {
            [DirectoryWrite.SetPresence] = new([EmployeeStatus, RollCall], [Presence]),
            [DirectoryWrite.EditProfile] = new([EmployeeProfile], [Roster]),
        };

    /// <summary>The invalidation of one status change: <paramref name="presenceVersion"/> orders it against any other.</summary>
    public static CacheInvalidation PresenceChanged(int employeeId, long presenceVersion, PresenceStatus presence, DateTimeOffset? until = null) =>
        Invalidations[DirectoryWrite.SetPresence].For(employeeId, PresenceCodec.Member(employeeId, presenceVersion, presence, until));

    /// <summary>
    /// The invalidation of one saved status change, carrying the whole new status to listeners (the status key's
    /// successor), so that open pages show it without reading it again.
    /// </summary>
    public static CacheInvalidation PresenceChanged(EmployeeStatus saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return PresenceChanged(saved.EmployeeId, saved.Stamp, saved.Presence, saved.Until).WithSuccessor(EmployeeStatus, saved.EmployeeId, saved);
    }

    /// <summary>
    /// The invalidation of one profile edit: <paramref name="profileVersion"/> orders it against any other, and
    /// <paramref name="previous"/> (the fields before the edit, when known) tells listeners what moved.
    /// </summary>
    public static CacheInvalidation ProfileChanged(RosterEntry entry, long profileVersion, RosterEntry? previous = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var invalidation = Invalidations[DirectoryWrite.EditProfile].For(entry.Id, RosterCodec.Member(entry, profileVersion));
        return previous is null ? invalidation : invalidation.WithPrevious(Roster, entry.Id, RosterCodec.Member(previous, profileVersion - 1).Payload);
    }
}
