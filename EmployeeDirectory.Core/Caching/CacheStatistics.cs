namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// In-process running totals behind the admin console (the same events the Meter exports): hits and
/// misses per tier and policy, loads, invalidations and latency per tier.
/// </summary>
public sealed class CacheStatistics
{
    private static readonly int Policies = Enum.GetValues<CachePolicy>().Length;
    private static readonly int Tiers = Enum.GetValues<CacheTier>().Length;
    private readonly long[] _hits = new long[Policies * Tiers];
    private readonly long[] _misses = new long[Policies * Tiers];
    private readonly long[] _loads = new long[Policies];
    private readonly long[] _invalidations = new long[Policies];
    private readonly long[] _evictions = new long[Policies];
    private readonly LatencyHistogram[] _latency = [.. Enumerable.Range(0, Tiers).Select(_ => new LatencyHistogram())];

    internal void Hit(CacheTier tier, CachePolicy policy) => Interlocked.Increment(ref _hits[Slot(tier, policy)]);

    internal void Miss(CacheTier tier, CachePolicy policy) => Interlocked.Increment(ref _misses[Slot(tier, policy)]);

    internal void Load(CachePolicy policy, int count) => Interlocked.Add(ref _loads[(int)policy], count);

    internal void Invalidation(CachePolicy policy) => Interlocked.Increment(ref _invalidations[(int)policy]);

    internal void Eviction(CachePolicy policy, int count) => Interlocked.Add(ref _evictions[(int)policy], count);

    internal void Latency(CacheTier tier, double milliseconds) => _latency[(int)tier].Record(milliseconds);

    public long Hits(CacheTier tier, CachePolicy policy) => Volatile.Read(ref _hits[Slot(tier, policy)]);

    public long Misses(CacheTier tier, CachePolicy policy) => Volatile.Read(ref _misses[Slot(tier, policy)]);

    public long Loads(CachePolicy policy) => Volatile.Read(ref _loads[(int)policy]);

    public long Invalidations(CachePolicy policy) => Volatile.Read(ref _invalidations[(int)policy]);

    /// <summary>Keys an operator evicted (one key, or a whole policy) from the admin console.</summary>
    public long Evictions(CachePolicy policy) => Volatile.Read(ref _evictions[(int)policy]);

    public LatencyHistogram LatencyOf(CacheTier tier) => _latency[(int)tier];

    /// <summary>Hits divided by lookups for one tier and policy; null before the first lookup.</summary>
    public double? HitRatio(CacheTier tier, CachePolicy policy)
    {
        var hits = Hits(tier, policy);
        var total = hits + Misses(tier, policy);
        return total == 0 ? null : (double)hits / total;
    }

    private static int Slot(CacheTier tier, CachePolicy policy) => ((int)tier * Policies) + (int)policy;
}
