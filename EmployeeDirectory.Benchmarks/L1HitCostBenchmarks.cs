using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Caching.Memory;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Where the time of a field-cache L1 hit goes, and what a proposed hot path would cost. "OpenTelemetry"
/// benchmarks run with the OpenTelemetry SDK aggregating the cache's Meter, as the web app does (it
/// exports to Prometheus on scrape; here a reader that collects only when asked, like Prometheus's).
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
    private MeterProvider? _openTelemetry;
    private Meter? _proposedMeter;

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsync), nameof(L1StoreTryGet), nameof(CacheMetricsL1Hit), nameof(MemoryCacheTryGetValue), nameof(MemoryCacheTryGetValueTimeProviderClock)])]
    public Task SetupAsync() => CreateCachesAsync();

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsyncOpenTelemetry), nameof(ProposedHitPathOpenTelemetry), nameof(CacheMetricsL1HitOpenTelemetry)])]
    public async Task SetupOpenTelemetryAsync()
    {
        await CreateCachesAsync();

        // The proposal's hit counter: observed from the statistics the cache keeps anyway, read at collection time only.
        var statistics = _field.Metrics.Statistics;
        _proposedMeter = new Meter(CacheMeter.Name);
        _proposedMeter.CreateObservableCounter(
            "cache.hits.proposed",
            () => new Measurement<long>(statistics.Hits(CacheTier.L1, DirectoryCacheContract.Status), new("tier", "l1"), new("policy", "status")));

        var exporter = new DiscardingMetricExporter();
        _openTelemetry = Sdk.CreateMeterProviderBuilder()
            .AddMeter(CacheMeter.Name)
            .AddReader(new BaseExportingMetricReader(exporter))
            .Build();
        RecordL1Hit();
        _openTelemetry.ForceFlush();
        if (exporter.MetricsSeen == 0)
        {
            throw new InvalidOperationException($"OpenTelemetry collected nothing from {CacheMeter.Name}.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _openTelemetry?.Dispose();
        _proposedMeter?.Dispose();
        _memory.Dispose();
        _memoryWithClock.Dispose();
        await _field.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    [Benchmark]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsyncOpenTelemetry() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    /// <summary>
    /// The proposed hit path: the same lookup and sampled latency, but the hit is counted only in
    /// <see cref="CacheStatistics"/> and exported by an observable counter instead of a Counter.Add per hit.
    /// </summary>
    [Benchmark]
    public ValueTask<EmployeeStatus?> ProposedHitPathOpenTelemetry()
    {
        var metrics = _field.Metrics;
        var sampledStart = metrics.SampleL1Start();
        if (_field.Cache.L1.TryGet<EmployeeStatus>(_key.Name, out var status))
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
        _field.Cache.L1.TryGet<EmployeeStatus>(_key.Name, out var status) ? status : null;

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

    [Benchmark]
    public void CacheMetricsL1HitOpenTelemetry() => RecordL1Hit();

    private void RecordL1Hit()
    {
        var metrics = _field.Metrics;
        metrics.L1Hit(DirectoryCacheContract.Status, metrics.SampleL1Start());
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
