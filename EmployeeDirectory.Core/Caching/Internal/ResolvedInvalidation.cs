namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>A <see cref="CacheInvalidation"/> resolved against the current key space, ready for the script and the message.</summary>
/// <param name="Source">The invalidation as the write declared it: what listeners are told, typed.</param>
/// <param name="IntentId">The outbox intent it carries out; 0 when it has none.</param>
/// <param name="Generation">The cache generation whose keys it names.</param>
/// <param name="DropKeys">Full names of the keys to drop.</param>
/// <param name="Aggregates">Members to patch, per aggregate.</param>
internal sealed record ResolvedInvalidation(
    CacheInvalidation Source,
    long IntentId,
    long Generation,
    IReadOnlyList<string> DropKeys,
    IReadOnlyList<ResolvedAggregatePatch> Aggregates)
{
    public static ResolvedInvalidation From(CacheInvalidation invalidation, CacheKeySpace keys, CachePolicies policies, long intentId) =>
        new(
            invalidation,
            intentId,
            keys.Generation,
            [.. invalidation.Drops.Select(drop => keys.NameOf(drop.Family, drop.Id)).Distinct(StringComparer.Ordinal)],
            [.. invalidation.Patches
                .GroupBy(patch => patch.Aggregate)
                .Select(group => new ResolvedAggregatePatch(
                    keys.NameOf(group.Key, 0),
                    group.Key,
                    policies[group.Key.Policy].Ttl,
                    [.. group.Select(patch => patch.Member)]))]);

    public InvalidationMessage ToMessage(string origin) => new(origin, IntentId, Generation, Source);
}

/// <summary>One aggregate's members in a resolved invalidation.</summary>
internal sealed record ResolvedAggregatePatch(string Key, CacheKeyFamily Family, TimeSpan Ttl, IReadOnlyList<AggregateMember> Members);
