using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ZiggyCreatures.Caching.Fusion;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// One status read that L1 answers, through each cache's get-or-load API, against the floor of a bare
/// <c>MemoryCache.TryGetValue</c>. Every cache is memory-only and holds the same key and value.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class L1HitBenchmarks
{
    private static readonly Func<FusionCacheFactoryExecutionContext<EmployeeStatus?>, CancellationToken, Task<EmployeeStatus?>> FusionMustNotLoad =
        static (_, _) => throw new InvalidOperationException("The benchmark expected a FusionCache hit but the factory ran.");

    private readonly EmployeeStatus _status = SampleData.Status(1);
    private CacheKey<EmployeeStatus> _key;
    private FieldCacheFactory _field = null!;
    private MemoryCache _memory = null!;
    private FusionCache _fusion = null!;
    private ServiceProvider _hybridServices = null!;
    private HybridCache _hybrid = null!;
    private string _immutableKey = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _field = await FieldCacheFactory.CreateAsync(redisConnectionString: null);
        _key = _field.Cache.Keys.Status(_status.EmployeeId);
        await _field.Cache.GetOrLoadAsync(_key, _status, SampleData.LoadFromState);

        _memory = new MemoryCache(new MemoryCacheOptions());
        _memory.Set(_key.Name, _status, TimeSpan.FromHours(1));

        _fusion = new FusionCache(new FusionCacheOptions { DefaultEntryOptions = new FusionCacheEntryOptions { Duration = TimeSpan.FromHours(1) } });
        _fusion.Set<EmployeeStatus?>(_key.Name, _status);

        var services = new ServiceCollection();
        services.AddHybridCache(options => options.DefaultEntryOptions = new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromHours(1),
            LocalCacheExpiration = TimeSpan.FromHours(1),
        }).AddSerializer(new StatusHybridSerializer());
        _hybridServices = services.BuildServiceProvider();
        _hybrid = _hybridServices.GetRequiredService<HybridCache>();
        await _hybrid.SetAsync(_key.Name, _status);
        _immutableKey = _key.Name + ":immutable";
        await _hybrid.SetAsync(_immutableKey, ImmutableStatus.From(_status));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _field.DisposeAsync();
        _memory.Dispose();
        _fusion.Dispose();
        await _hybridServices.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public EmployeeStatus? MemoryCacheTryGetValue() =>
        _memory.TryGetValue(_key.Name, out EmployeeStatus? status) ? status : null;

    [Benchmark]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync() =>
        _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);

    [Benchmark]
    public ValueTask<EmployeeStatus?> FusionCacheGetOrSetAsync() =>
        _fusion.GetOrSetAsync(_key.Name, FusionMustNotLoad, failSafeDefaultValue: default);

    [Benchmark]
    public EmployeeStatus? FusionCacheTryGet() =>
        _fusion.TryGet<EmployeeStatus?>(_key.Name) is { HasValue: true } hit ? hit.Value : null;

    [Benchmark]
    public ValueTask<EmployeeStatus> HybridCacheGetOrCreateAsync() =>
        _hybrid.GetOrCreateAsync(_key.Name, _status, static (state, _) => ValueTask.FromException<EmployeeStatus>(
            new InvalidOperationException($"The benchmark expected a HybridCache hit for employee {state.EmployeeId} but the factory ran.")));

    /// <summary>HybridCache's best case: a type marked immutable is not deserialised again on each hit.</summary>
    [Benchmark]
    public ValueTask<ImmutableStatus> HybridCacheGetOrCreateAsyncImmutableType() =>
        _hybrid.GetOrCreateAsync(_immutableKey, _status, static (state, _) => ValueTask.FromException<ImmutableStatus>(
            new InvalidOperationException($"The benchmark expected a HybridCache hit for employee {state.EmployeeId} but the factory ran.")));
}
