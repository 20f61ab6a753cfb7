using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using StackExchange.Redis;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// One status read that L1 cannot answer and Redis can, against a bare GET of the same JSON over the same
/// connection. L1 is bypassed by evicting the key from L1 before each read (the only way to force the L2
/// path without changing the cache; the eviction costs a fraction of a microsecond against a ~40 µs round trip).
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[ThreadingDiagnoser]
public class L2HitBenchmarks
{
    private readonly EmployeeStatus _status = SampleData.Status(1);
    private RedisServerProcess _server = null!;
    private FieldCacheFactory _field = null!;
    private IDatabase _db = null!;
    private CacheKey<EmployeeStatus> _key;
    private RedisKey _redisKey;
    private RedisKey[] _scriptKeys = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        _field = await FieldCacheFactory.CreateAsync(_server.ConnectionString);
        _db = _field.Redis!.GetDatabase();
        _key = _field.Cache.Keys.Status(_status.EmployeeId);
        _redisKey = _key.Name;
        _scriptKeys = [_key.Name, _field.Cache.Keys.VersionsKey];

        // A miss loads the value and writes it to Redis with SET PX, exactly as the app does.
        await _field.Cache.GetOrLoadAsync(_key, _status, SampleData.LoadFromState);
        if (!(await _db.StringGetAsync(_redisKey)).HasValue)
        {
            throw new InvalidOperationException("The field cache did not write the status to Redis.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _field.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<RedisValue> RedisStringGetAsync() => _db.StringGetAsync(_redisKey);

    [Benchmark]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync()
    {
        _field.Cache.L1.Remove(_key.Name);
        return _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);
    }

    /// <summary>The floor for any cache that returns objects: the bare GET plus the same source-generated deserialisation.</summary>
    [Benchmark]
    public async Task<EmployeeStatus?> RedisStringGetAsyncAndDeserialize()
    {
        var json = await _db.StringGetAsync(_redisKey);
        return JsonSerializer.Deserialize((byte[])json!, DirectoryCacheJsonContext.Default.EmployeeStatus);
    }

    /// <summary>GET and PTTL in one round trip without Lua (StackExchange.Redis sends both, one task): what a hit needs.</summary>
    [Benchmark]
    public Task<RedisValueWithExpiry> RedisStringGetWithExpiryAsync() => _db.StringGetWithExpiryAsync(_redisKey);

    /// <summary>The field cache's read script alone (value, PTTL and write version in one EVALSHA), without the cache around it.</summary>
    [Benchmark]
    public Task<RedisResult> RedisReadScript() => _db.ScriptEvaluateAsync(RedisScripts.Read, _scriptKeys);
}
