namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>A <see cref="CacheInvalidation"/> resolved against the current key space, ready for the script and the message.</summary>
/// <param name="IntentId">The outbox intent it carries out; 0 when it has none.</param>
/// <param name="DropKeys">Full names of the keys to drop.</param>
/// <param name="Aggregates">Members to patch, per aggregate.</param>
internal sealed record ResolvedInvalidation(long IntentId, IReadOnlyList<string> DropKeys, IReadOnlyList<ResolvedAggregatePatch> Aggregates)
{
    public static ResolvedInvalidation From(CacheInvalidation invalidation, CacheKeySpace keys, CachePolicies policies, long intentId) =>
        new(
            intentId,
            [.. invalidation.Drops.Select(drop => keys.NameOf(drop.Family, drop.Id)).Distinct(StringComparer.Ordinal)],
            [.. invalidation.Patches
                .GroupBy(patch => patch.Aggregate)
                .Select(group => new ResolvedAggregatePatch(
                    keys.NameOf(group.Key, 0),
                    group.Key,
                    policies[group.Key.Policy].Ttl,
                    [.. group.Select(patch => patch.Member)]))]);

    public InvalidationMessage ToMessage(string origin) =>
        new(origin, IntentId, DropKeys, [.. Aggregates.Select(a => new AggregatePatchMessage(a.Key, a.Members))]);
}

/// <summary>One aggregate's members in a resolved invalidation.</summary>
internal sealed record ResolvedAggregatePatch(string Key, CacheKeyFamily Family, TimeSpan Ttl, IReadOnlyList<AggregateMember> Members);
