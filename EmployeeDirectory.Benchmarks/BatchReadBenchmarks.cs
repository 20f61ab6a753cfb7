using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using StackExchange.Redis;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// A directory page of 50 statuses that L1 lacks and Redis holds: one batched read against 50 single
/// reads, one after another (the N+1 shape) and all at once (pipelined on the multiplexer), with a bare
/// MGET of the same keys as the floor. Our variants evict the 50 keys from L1 first, as in
/// <see cref="L2HitBenchmarks"/>; keys are built per read, as the directory service builds them.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[ThreadingDiagnoser]
public class BatchReadBenchmarks
{
    // Proposed for pages of hits: values and PTTLs only; versions are read for the keys that missed, before loading them.
    private const string ReadScriptWithoutVersions = """
        local n = #KEYS - 1
        local values = redis.call('MGET', unpack(KEYS, 1, n))
        local out = {}
        for i = 1, n do
          out[2 * i - 1] = values[i]
          out[2 * i] = redis.call('PTTL', KEYS[i])
        end
        return out
        """;

    private readonly int[] _ids = [.. Enumerable.Range(1, SampleData.PageSize)];
    private readonly EmployeeStatus[] _statuses = [.. Enumerable.Range(1, SampleData.PageSize).Select(SampleData.Status)];
    private RedisServerProcess _server = null!;
    private FieldCacheFactory _field = null!;
    private IDatabase _db = null!;
    private Func<int, CacheKey<EmployeeStatus>> _keyOf = null!;
    private string[] _keyNames = null!;
    private RedisKey[] _redisKeys = null!;
    private RedisKey[] _scriptKeys = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        _field = await FieldCacheFactory.CreateAsync(_server.ConnectionString);
        _db = _field.Redis!.GetDatabase();
        _keyOf = _field.Cache.Keys.Status;
        _keyNames = [.. _ids.Select(id => _keyOf(id).Name)];
        _redisKeys = [.. _keyNames.Select(name => (RedisKey)name)];
        _scriptKeys = [.. _redisKeys, _field.Cache.Keys.VersionsKey];
        // Half the page has been edited before, so the versions hash holds entries as it does in the app.
        await _field.Cache.EvictAsync([.. _keyNames.Where((_, i) => i % 2 == 0)]);
        foreach (var status in _statuses)
        {
            await _field.Cache.GetOrLoadAsync(_keyOf(status.EmployeeId), status, SampleData.LoadFromState);
        }

        if ((await _db.StringGetAsync(_redisKeys)).Any(value => !value.HasValue))
        {
            throw new InvalidOperationException("The field cache did not write every status to Redis.");
        }

        await EnsureScriptsAgreeAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _field.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<IReadOnlyDictionary<int, EmployeeStatus>> FieldCacheGetOrLoadManyAsync()
    {
        EvictPageFromL1();
        return _field.Cache.GetOrLoadManyAsync(_ids, _keyOf, SampleData.MustNotLoadMany);
    }

    [Benchmark]
    public async Task<int> FieldCacheGetOrLoadAsyncOneByOne()
    {
        EvictPageFromL1();
        var found = 0;
        foreach (var status in _statuses)
        {
            if (await _field.Cache.GetOrLoadAsync(_keyOf(status.EmployeeId), status, SampleData.MustNotLoad) is not null)
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark]
    public async Task<int> FieldCacheGetOrLoadAsyncAllAtOnce()
    {
        EvictPageFromL1();
        var reads = new Task<EmployeeStatus?>[_statuses.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = _field.Cache.GetOrLoadAsync(_keyOf(_statuses[i].EmployeeId), _statuses[i], SampleData.MustNotLoad).AsTask();
        }

        var results = await Task.WhenAll(reads);
        return results.Count(result => result is not null);
    }

    [Benchmark]
    public Task<RedisValue[]> RedisStringGetAsyncMget() => _db.StringGetAsync(_redisKeys);

    /// <summary>The field cache's read script alone for the page: MGET, then a PTTL and an HGET per key.</summary>
    [Benchmark]
    public Task<RedisResult> RedisReadScript() => _db.ScriptEvaluateAsync(RedisScripts.Read, _scriptKeys);

    /// <summary>Values and PTTLs without the per-key version lookups, which only a load (a miss) needs.</summary>
    [Benchmark]
    public Task<RedisResult> RedisReadScriptWithoutVersions() => _db.ScriptEvaluateAsync(ReadScriptWithoutVersions, _scriptKeys);

    /// <summary>The proposed script must return the same values as the current one (PTTLs aside, which tick).</summary>
    private async Task EnsureScriptsAgreeAsync()
    {
        var current = (RedisResult[])(await RedisReadScript())!;
        var proposed = (RedisResult[])(await RedisReadScriptWithoutVersions())!;
        for (var i = 0; i < _keyNames.Length; i++)
        {
            if ((RedisValue)current[3 * i] != (RedisValue)proposed[2 * i] || (long)proposed[(2 * i) + 1] <= 0)
            {
                throw new InvalidOperationException($"The read scripts disagree about key {_keyNames[i]}.");
            }
        }
    }

    private void EvictPageFromL1()
    {
        foreach (var name in _keyNames)
        {
            _field.Cache.L1.Remove(name);
        }
    }
}
