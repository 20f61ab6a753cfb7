using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Where the time of a field-cache L1 hit goes: the whole hit, the L1 lookup alone and the metrics call
/// alone, each with and without a listener on the cache's Meter. In the app OpenTelemetry listens to that
/// Meter; the listener here only adds up what it is given, the least any exporter can do.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class L1HitCostBenchmarks
{
    private readonly EmployeeStatus _status = SampleData.Status(1);
    private FieldCacheFactory _field = null!;
    private CacheKey<EmployeeStatus> _key;
    private MeterListener? _listener;
    private long _measured;

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsync), nameof(L1StoreTryGet), nameof(CacheMetricsL1Hit)])]
    public Task SetupAsync() => CreateCacheAsync();

    [GlobalSetup(Targets = [nameof(FieldCacheGetOrLoadAsyncMeterListened), nameof(CacheMetricsL1HitMeterListened)])]
    public async Task SetupListenedAsync()
    {
        await CreateCacheAsync();
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
        _listener?.Dispose();
        await _field.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    [Benchmark]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsyncMeterListened() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    /// <summary>The L1 lookup of the hit path alone: MemoryCache (with the TimeProvider clock) and the entry type test.</summary>
    [Benchmark]
    public EmployeeStatus? L1StoreTryGet() =>
        _field.Cache.L1.TryGet<EmployeeStatus>(_key.Name, out var status, out _) ? status : null;

    /// <summary>The metrics of the hit path alone: latency sampling, the statistics counter and the Meter counter.</summary>
    [Benchmark]
    public void CacheMetricsL1Hit() => RecordL1Hit();

    [Benchmark]
    public void CacheMetricsL1HitMeterListened() => RecordL1Hit();

    private void RecordL1Hit()
    {
        var metrics = _field.Metrics;
        metrics.L1Hit(CachePolicy.Status, metrics.SampleL1Start());
    }

    private async Task CreateCacheAsync()
    {
        _field = await FieldCacheFactory.CreateAsync(redisConnectionString: null);
        _key = _field.Cache.Keys.Status(_status.EmployeeId);
        await _field.Cache.GetOrLoadAsync(_key, _status, SampleData.LoadFromState);
    }
}
