using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Records every cache event on the <see cref="CacheMeter.Name"/> Meter (exported with OpenTelemetry) and in
/// <see cref="CacheStatistics"/> (read by the admin console).
/// </summary>
internal sealed class CacheMetrics : IDisposable
{
    // L1 hits take tens of nanoseconds; timing every one would cost as much as the hit itself.
    private const int L1LatencySampleMask = 15;

    private static readonly string[] TierNames = ["l1", "l2", "loader"];
    private readonly CacheContract _contract;
    private readonly Meter _meter;
    private readonly Counter<long> _loads;
    private readonly Counter<long> _invalidations;
    private readonly Counter<long> _evictions;
    private readonly Histogram<double> _latency;
    private int _l1Sample;

    public CacheMetrics(IMeterFactory meterFactory, CacheContract contract)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _contract = contract;
        Statistics = new CacheStatistics(contract.Policies.Count);
        _meter = meterFactory.Create(CacheMeter.Name);
        // Hits and misses are read from the running totals when exported: a hit pays one increment, not two.
        _meter.CreateObservableCounter("cache.hits", () => Observe(Statistics.Hits), "{lookup}", "Lookups answered by a tier");
        _meter.CreateObservableCounter("cache.misses", () => Observe(Statistics.Misses), "{lookup}", "Lookups a tier could not answer");
        _loads = _meter.CreateCounter<long>("cache.loads", "{load}", "Values loaded from the database after both tiers missed");
        _invalidations = _meter.CreateCounter<long>("cache.invalidations", "{key}", "Keys invalidated, by origin (local write or another server)");
        _evictions = _meter.CreateCounter<long>("cache.evictions", "{key}", "Keys evicted by an operator");
        _latency = _meter.CreateHistogram<double>("cache.latency", "ms", "Time to answer a lookup, per tier");
    }

    public CacheStatistics Statistics { get; }

    /// <summary>Start timestamp for one L1 lookup in sixteen, 0 for the rest (a racy counter is fine for sampling).</summary>
    public long SampleL1Start() => (++_l1Sample & L1LatencySampleMask) == 0 ? Stopwatch.GetTimestamp() : 0;

    public void L1Hit(CachePolicy policy, long sampledStart)
    {
        Statistics.Hit(CacheTier.L1, policy);
        if (sampledStart != 0)
        {
            Latency(CacheTier.L1, policy, sampledStart);
        }
    }

    public void Hit(CacheTier tier, CachePolicy policy) => Statistics.Hit(tier, policy);

    public void Miss(CacheTier tier, CachePolicy policy) => Statistics.Miss(tier, policy);

    public void Loaded(CachePolicy policy, int count, long startTimestamp)
    {
        Statistics.Load(policy, count);
        _loads.Add(count, new KeyValuePair<string, object?>("policy", policy.MetricName));
        Latency(CacheTier.Loader, policy, startTimestamp);
    }

    public void Invalidated(CachePolicy policy, bool remote)
    {
        Statistics.Invalidation(policy);
        _invalidations.Add(1, new("policy", policy.MetricName), new("origin", remote ? "remote" : "local"));
    }

    public void Evicted(CachePolicy policy, int count)
    {
        Statistics.Eviction(policy, count);
        _evictions.Add(count, new KeyValuePair<string, object?>("policy", policy.MetricName));
    }

    public void Latency(CacheTier tier, CachePolicy policy, long startTimestamp)
    {
        var milliseconds = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        Statistics.Latency(tier, milliseconds);
        _latency.Record(milliseconds, new("tier", TierNames[(int)tier]), new("policy", policy.MetricName));
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe(Func<CacheTier, CachePolicy, long> read)
    {
        foreach (var tier in Enum.GetValues<CacheTier>())
        {
            foreach (var policy in _contract.Policies)
            {
                yield return new Measurement<long>(read(tier, policy), new("tier", TierNames[(int)tier]), new("policy", policy.MetricName));
            }
        }
    }
}
