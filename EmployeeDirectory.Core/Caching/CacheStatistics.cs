namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// In-process running totals behind the admin console (the same events the Meter exports): hits and
/// misses per tier and policy, loads, invalidations, operator evictions and latency per tier.
/// </summary>
public sealed class CacheStatistics
{
    private static readonly int Tiers = Enum.GetValues<CacheTier>().Length;
    private readonly int _policies;
    private readonly long[] _hits;
    private readonly long[] _misses;
    private readonly long[] _loads;
    private readonly long[] _invalidations;
    private readonly long[] _evictions;
    private readonly LatencyHistogram[] _latency = [.. Enumerable.Range(0, Tiers).Select(_ => new LatencyHistogram())];

    internal CacheStatistics(int policyCount)
    {
        _policies = policyCount;
        _hits = new long[policyCount * Tiers];
        _misses = new long[policyCount * Tiers];
        _loads = new long[policyCount];
        _invalidations = new long[policyCount];
        _evictions = new long[policyCount];
    }

    /// <summary>Lookups <paramref name="tier"/> answered for <paramref name="policy"/>.</summary>
    public long Hits(CacheTier tier, CachePolicy policy) => Volatile.Read(ref _hits[Slot(tier, policy)]);

    /// <summary>Lookups <paramref name="tier"/> could not answer for <paramref name="policy"/>.</summary>
    public long Misses(CacheTier tier, CachePolicy policy) => Volatile.Read(ref _misses[Slot(tier, policy)]);

    /// <summary>Values loaded from the source after both tiers missed.</summary>
    public long Loads(CachePolicy policy) => Volatile.Read(ref _loads[Index(policy)]);

    /// <summary>Keys this server evicted because of a write, its own or another server's.</summary>
    public long Invalidations(CachePolicy policy) => Volatile.Read(ref _invalidations[Index(policy)]);

    /// <summary>Keys an operator evicted (one key, or a whole policy) from the admin console.</summary>
    public long Evictions(CachePolicy policy) => Volatile.Read(ref _evictions[Index(policy)]);

    /// <summary>Latency of the lookups one tier answered.</summary>
    public LatencyHistogram LatencyOf(CacheTier tier) => _latency[(int)tier];

    /// <summary>Hits divided by lookups for one tier and policy; null before the first lookup.</summary>
    public double? HitRatio(CacheTier tier, CachePolicy policy)
    {
        var hits = Hits(tier, policy);
        var total = hits + Misses(tier, policy);
        return total == 0 ? null : (double)hits / total;
    }

    internal void Hit(CacheTier tier, CachePolicy policy) => Interlocked.Increment(ref _hits[Slot(tier, policy)]);

    internal void Miss(CacheTier tier, CachePolicy policy) => Interlocked.Increment(ref _misses[Slot(tier, policy)]);

    internal void Load(CachePolicy policy, int count) => Interlocked.Add(ref _loads[Index(policy)], count);

    internal void Invalidation(CachePolicy policy) => Interlocked.Increment(ref _invalidations[Index(policy)]);

    internal void Eviction(CachePolicy policy, int count) => Interlocked.Add(ref _evictions[Index(policy)], count);

    internal void Latency(CacheTier tier, double milliseconds) => _latency[(int)tier].Record(milliseconds);

    private static int Index(CachePolicy policy) => policy.Index;

    private int Slot(CacheTier tier, CachePolicy policy) => ((int)tier * _policies) + policy.Index;
}
