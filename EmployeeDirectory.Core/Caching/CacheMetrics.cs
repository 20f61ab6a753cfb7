using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// Records every cache event on the <c>EmployeeDirectory.Cache</c> Meter (exported with OpenTelemetry)
/// and in <see cref="CacheStatistics"/> (read by the admin console).
/// </summary>
public sealed class CacheMetrics : IDisposable
{
    /// <summary>Name of the Meter, for OpenTelemetry's AddMeter.</summary>
    public const string MeterName = "EmployeeDirectory.Cache";

    // L1 hits take tens of nanoseconds; timing every one would cost as much as the hit itself.
    private const int L1LatencySampleMask = 15;

    private static readonly string[] TierNames = ["l1", "l2", "loader"];
    private static readonly string[] PolicyNames = ["profile", "status"];
    private readonly Meter _meter;
    private readonly Counter<long> _loads;
    private readonly Counter<long> _invalidations;
    private readonly Counter<long> _evictions;
    private readonly Histogram<double> _latency;
    private int _l1Sample;

    public CacheMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        // Hits and misses are read from the running totals when exported: a hit pays one increment, not two.
        _meter.CreateObservableCounter("cache.hits", () => Observe(Statistics.Hits), "{lookup}", "Lookups answered by a tier");
        _meter.CreateObservableCounter("cache.misses", () => Observe(Statistics.Misses), "{lookup}", "Lookups a tier could not answer");
        _loads = _meter.CreateCounter<long>("cache.loads", "{load}", "Values loaded from the database after both tiers missed");
        _invalidations = _meter.CreateCounter<long>("cache.invalidations", "{key}", "Keys invalidated, by origin (local write or another server)");
        _evictions = _meter.CreateCounter<long>("cache.evictions", "{key}", "Keys evicted by an operator");
        _latency = _meter.CreateHistogram<double>("cache.latency", "ms", "Time to answer a lookup, per tier");
    }

    public CacheStatistics Statistics { get; } = new();

    /// <summary>Start timestamp for one L1 lookup in sixteen, 0 for the rest (a racy counter is fine for sampling).</summary>
    internal long SampleL1Start() => (++_l1Sample & L1LatencySampleMask) == 0 ? Stopwatch.GetTimestamp() : 0;

    internal void L1Hit(CachePolicy policy, long sampledStart)
    {
        Statistics.Hit(CacheTier.L1, policy);
        if (sampledStart != 0)
        {
            Latency(CacheTier.L1, policy, sampledStart);
        }
    }

    internal void Hit(CacheTier tier, CachePolicy policy) => Statistics.Hit(tier, policy);

    internal void Miss(CacheTier tier, CachePolicy policy) => Statistics.Miss(tier, policy);

    internal void Loaded(CachePolicy policy, int count, long startTimestamp)
    {
        Statistics.Load(policy, count);

        _loads.Add(count, new KeyValuePair<string, object?>("policy", PolicyNames[(int)policy]));
        Latency(CacheTier.Loader, policy, startTimestamp);
    }

    internal void Invalidated(CachePolicy policy, bool remote)
    {
        Statistics.Invalidation(policy);
        _invalidations.Add(1, new("policy", PolicyNames[(int)policy]), new("origin", remote ? "remote" : "local"));
    }

    internal void Evicted(CachePolicy policy, int count)
    {
        Statistics.Eviction(policy, count);
        _evictions.Add(count, new KeyValuePair<string, object?>("policy", PolicyNames[(int)policy]));
    }

    internal void Latency(CacheTier tier, CachePolicy policy, long startTimestamp)
    {
        var milliseconds = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        Statistics.Latency(tier, milliseconds);
        _latency.Record(milliseconds, new("tier", TierNames[(int)tier]), new("policy", PolicyNames[(int)policy]));
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Observe(Func<CacheTier, CachePolicy, long> read)
    {
        foreach (var tier in Enum.GetValues<CacheTier>())
        {
            foreach (var policy in Enum.GetValues<CachePolicy>())
            {
                yield return new Measurement<long>(read(tier, policy), new("tier", TierNames[(int)tier]), new("policy", PolicyNames[(int)policy]));
            }
        }
    }
}
