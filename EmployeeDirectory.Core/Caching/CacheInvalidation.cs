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

    /// <summary>Drops these keys and patches nothing.</summary>
    public static CacheInvalidation OfDrops(params CacheDrop[] drops) => new(drops, []);
}
