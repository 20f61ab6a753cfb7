namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The cache contract in one place: the key space, each key's policy, the default lifetimes and the
/// invalidation map. Everything else (the key builder, the services, the admin console, the tests)
/// reads it from here.
/// </summary>
public static class DirectoryCacheContract
{
    /// <summary>Placeholder for an employee id in key templates.</summary>
    public const string IdPlaceholder = "{id}";

    /// <summary>One employee's profile fields.</summary>
    public static readonly CacheKeyDefinition EmployeeProfile =
        new("employee:{id}:profile", CachePolicy.Profile, "Name, title, department, email, phone, location");

    /// <summary>One employee's In/Out status.</summary>
    public static readonly CacheKeyDefinition EmployeeStatus =
        new("employee:{id}:status", CachePolicy.Status, "In/Out, note, changed at, changed by");

    /// <summary>Name-derived: the search index over every employee (names, title, department, email, location).</summary>
    public static readonly CacheKeyDefinition Roster =
        new("directory:roster", CachePolicy.Profile, "Search index: every employee's names, title, department, email and location, with departments");

    /// <summary>Status-derived: who is In right now (the In/Out filter reads it).</summary>
    public static readonly CacheKeyDefinition Presence =
        new("directory:presence", CachePolicy.Status, "Ids of everyone who is In");

    /// <summary>Every key family.</summary>
    public static readonly IReadOnlyList<CacheKeyDefinition> Keys = [EmployeeProfile, EmployeeStatus, Roster, Presence];

    /// <summary>
    /// What each write invalidates, and nothing else: a status change never touches a profile or search
    /// key, a profile edit never touches a status key.
    /// </summary>
    public static readonly IReadOnlyDictionary<DirectoryWrite, IReadOnlyList<CacheKeyDefinition>> InvalidationMap =
        new Dictionary<DirectoryWrite, IReadOnlyList<CacheKeyDefinition>>
        {
            [DirectoryWrite.SetPresence] = [EmployeeStatus, Presence],
            [DirectoryWrite.EditProfile] = [EmployeeProfile, Roster],
        };

    /// <summary>Default lifetimes: Profile 24 h (L1 cap 5 min), Status 60 s (L1 cap 10 s), ±10% jitter.</summary>
    public static CachePolicyOptions DefaultPolicy(CachePolicy policy) => policy switch
    {
        CachePolicy.Profile => new CachePolicyOptions { Ttl = TimeSpan.FromHours(24), Jitter = 0.1, L1Cap = TimeSpan.FromMinutes(5) },
        CachePolicy.Status => new CachePolicyOptions { Ttl = TimeSpan.FromSeconds(60), Jitter = 0.1, L1Cap = TimeSpan.FromSeconds(10) },
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown cache policy."),
    };
}
