using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Caching.Memory;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Where the time of a field-cache L1 hit goes: the lookup alone, the metrics alone, the whole hit. "OpenTelemetry"
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
    private MeterProvider? _openTelemetry;

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsync), nameof(L1StoreTryGet), nameof(CacheMetricsL1Hit), nameof(MemoryCacheTryGetValue)])]
    public Task SetupAsync() => CreateCachesAsync();

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsyncOpenTelemetry), nameof(CacheMetricsL1HitOpenTelemetry)])]
    public async Task SetupOpenTelemetryAsync()
    {
        await CreateCachesAsync();
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
        _memory.Dispose();
        await _field.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    [Benchmark]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsyncOpenTelemetry() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    /// <summary>The L1 lookup of the hit path alone: the dictionary, the expiry against the coarse clock, the type test.</summary>
    [Benchmark]
    public EmployeeStatus? L1StoreTryGet() =>
        _field.Cache.L1.TryGet<EmployeeStatus>(_key.Name, out var status) ? status : null;

    [Benchmark]
    public EmployeeStatus? MemoryCacheTryGetValue() =>
        _memory.TryGetValue(_key.Name, out EmployeeStatus? status) ? status : null;

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
    }
}
