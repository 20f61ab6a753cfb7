namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// What one write changes in the cache: keys to drop (a per-id family and its id) and aggregate members to
/// patch. The unit an outbox stores with the write, the invalidation script applies in Redis in one step, and
/// every server applies from the message that script publishes.
/// </summary>
public sealed record CacheInvalidation
{
    /// <summary>An invalidation of <paramref name="drops"/> and <paramref name="patches"/>.</summary>
    public CacheInvalidation(IReadOnlyList<CacheDrop> drops, IReadOnlyList<CachePatch> patches)
    {
        ArgumentNullException.ThrowIfNull(drops);
        ArgumentNullException.ThrowIfNull(patches);
        Drops = drops;
        Patches = patches;
    }

    /// <summary>Keys to remove from Redis and every L1.</summary>
    public IReadOnlyList<CacheDrop> Drops { get; }

    /// <summary>Aggregate members to set, in Redis and in every server's copy.</summary>
    public IReadOnlyList<CachePatch> Patches { get; }

    /// <summary>True when it changes nothing.</summary>
    public bool IsEmpty => Drops.Count == 0 && Patches.Count == 0;

    /// <summary>This invalidation with <paramref name="successor"/> carried by its drop of <paramref name="family"/>'s key for <paramref name="id"/>.</summary>
    public CacheInvalidation WithSuccessor<T>(CacheKeyFamily<T> family, int id, T successor)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(family);
        var carried = family.Drop(id, successor);
        return new CacheInvalidation([.. Drops.Select(drop => drop.Family == family && drop.Id == id ? carried : drop)], Patches);
    }

    /// <summary>This invalidation with <paramref name="previous"/> carried by its patch of <paramref name="aggregate"/>'s member <paramref name="memberId"/>.</summary>
    public CacheInvalidation WithPrevious(CacheKeyFamily aggregate, int memberId, string? previous) =>
        new(Drops, [.. Patches.Select(patch => patch.Aggregate == aggregate && patch.Member.Id == memberId ? patch with { Previous = previous } : patch)]);

    /// <summary>Drops these keys and patches nothing.</summary>
    public static CacheInvalidation OfDrops(params CacheDrop[] drops) => new(drops, []);
}
