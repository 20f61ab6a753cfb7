using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Caching.Memory;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Where the time of a field-cache L1 hit goes, and what a proposed hot path would cost. "MeterListened"
/// benchmarks run with a listener on the cache's Meter, as OpenTelemetry listens in the app; this listener
/// only adds up what it is given, the least any exporter can do.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class L1HitCostBenchmarks
{
    private readonly EmployeeStatus _status = SampleData.Status(1);
    private FieldCacheFactory _field = null!;
    private CacheKey<EmployeeStatus> _key;
    private MemoryCache _memory = null!;
    private MemoryCache _memoryWithClock = null!;
    private MeterListener? _listener;
    private Meter? _proposedMeter;
    private long _measured;

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsync), nameof(L1StoreTryGet), nameof(CacheMetricsL1Hit), nameof(MemoryCacheTryGetValue), nameof(MemoryCacheTryGetValueTimeProviderClock)])]
    public Task SetupAsync() => CreateCachesAsync();

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsyncMeterListened), nameof(ProposedHitPathMeterListened)])]
    public async Task SetupListenedAsync()
    {
        await CreateCachesAsync();

        // The proposal's hit counter: observed from the statistics the cache keeps anyway, read at collection time only.
        var statistics = _field.Metrics.Statistics;
        _proposedMeter = new Meter(CacheMetrics.MeterName);
        _proposedMeter.CreateObservableCounter(
            "cache.hits.proposed",
            () => new Measurement<long>(statistics.Hits(CacheTier.L1, CachePolicy.Status), new("tier", "l1"), new("policy", "status")));

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CacheMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _measured, value));
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measured));
        _listener.Start();
        RecordL1Hit();
        if (Interlocked.Read(ref _measured) == 0)
        {
            throw new InvalidOperationException($"The listener on {CacheMetrics.MeterName} received no measurement.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _listener?.RecordObservableInstruments();
        _listener?.Dispose();
        _proposedMeter?.Dispose();
        _memory.Dispose();
        _memoryWithClock.Dispose();
        await _field.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    [Benchmark]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsyncMeterListened() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    /// <summary>
    /// The proposed hit path: the same lookup and sampled latency, but the hit is counted only in
    /// <see cref="CacheStatistics"/> and exported by an observable counter instead of a Counter.Add per hit.
    /// </summary>
    [Benchmark]
    public ValueTask<EmployeeStatus?> ProposedHitPathMeterListened()
    {
        var metrics = _field.Metrics;
        var sampledStart = metrics.SampleL1Start();
        if (_field.Cache.L1.TryGet<EmployeeStatus>(_key.Name, out var status, out _))
        {
            metrics.Statistics.Hit(CacheTier.L1, _key.Policy);
            if (sampledStart != 0)
            {
                metrics.Latency(CacheTier.L1, _key.Policy, sampledStart);
            }

            return new ValueTask<EmployeeStatus?>(status);
        }

        return new ValueTask<EmployeeStatus?>(SampleData.MustNotLoad(_status, CancellationToken.None));
    }

    /// <summary>The L1 lookup of the hit path alone: MemoryCache (with the TimeProvider clock) and the entry type test.</summary>
    [Benchmark]
    public EmployeeStatus? L1StoreTryGet() =>
        _field.Cache.L1.TryGet<EmployeeStatus>(_key.Name, out var status, out _) ? status : null;

    [Benchmark]
    public EmployeeStatus? MemoryCacheTryGetValue() =>
        _memory.TryGetValue(_key.Name, out EmployeeStatus? status) ? status : null;

    /// <summary>A MemoryCache reading time through a TimeProvider clock, as L1Store's does (so tests can fake time).</summary>
    [Benchmark]
    public EmployeeStatus? MemoryCacheTryGetValueTimeProviderClock() =>
        _memoryWithClock.TryGetValue(_key.Name, out EmployeeStatus? status) ? status : null;

    /// <summary>The metrics of the hit path alone: latency sampling, the statistics counter and the Meter counter.</summary>
    [Benchmark]
    public void CacheMetricsL1Hit() => RecordL1Hit();

    private void RecordL1Hit()
    {
        var metrics = _field.Metrics;
        metrics.L1Hit(CachePolicy.Status, metrics.SampleL1Start());
    }

    private async Task CreateCachesAsync()
    {
        _field = await FieldCacheFactory.CreateAsync(redisConnectionString: null);
        _key = _field.Cache.Keys.Status(_status.EmployeeId);
        await _field.Cache.GetOrLoadAsync(_key, _status, SampleData.LoadFromState);
        _memory = new MemoryCache(new MemoryCacheOptions());
        _memory.Set(_key.Name, _status, TimeSpan.FromHours(1));
        _memoryWithClock = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(TimeProvider.System) });
        _memoryWithClock.Set(_key.Name, _status, TimeSpan.FromHours(1));
    }
}
