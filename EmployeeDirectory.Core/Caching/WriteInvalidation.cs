namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// What one kind of write invalidates, declared once in the app's contract: the per-id families whose key it
/// drops and the aggregates whose member it patches. <see cref="For"/> turns it into the invalidation of one write.
/// </summary>
/// <param name="Drops">Families whose key (for the written id) is dropped.</param>
/// <param name="Patches">Aggregates whose member is patched, in the order <see cref="For"/> takes the members.</param>
public sealed record WriteInvalidation(IReadOnlyList<CacheKeyFamily> Drops, IReadOnlyList<CacheKeyFamily> Patches)
{
    /// <summary>The invalidation of one write to <paramref name="id"/>: its keys, and <paramref name="members"/> for the patched aggregates, in order.</summary>
    public CacheInvalidation For(int id, params AggregateMember[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Length != Patches.Count)
        {
            throw new ArgumentException($"This write patches {Patches.Count} aggregate(s) but {members.Length} member(s) were given.", nameof(members));
        }

        return new CacheInvalidation(
            [.. Drops.Select(family => new CacheDrop(family, id))],
            [.. Patches.Select((aggregate, i) => new CachePatch(aggregate, members[i]))]);
    }

    /// <summary>Every family this write touches, dropped or patched.</summary>
    public IEnumerable<CacheKeyFamily> Families => Drops.Concat(Patches);
}
