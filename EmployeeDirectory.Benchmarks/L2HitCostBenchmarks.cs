using System.Collections.Concurrent;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using StackExchange.Redis;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Where the time of a field-cache L2 hit goes. Replicas of its read-through (same deserialisation and L1
/// write, no metrics or breaker) vary one thing at a time: how the caller that starts a single-flight load
/// waits for it (through a TaskCompletionSource that runs continuations asynchronously, as today, or by
/// awaiting the load itself), and how Redis is read (the value/PTTL/version script, as today, or GET+PTTL
/// without Lua, the version being needed only when a load follows).
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[ThreadingDiagnoser]
public class L2HitCostBenchmarks
{
    private static readonly TimeSpan L1Cap = TimeSpan.FromSeconds(10);
    private readonly EmployeeStatus _status = SampleData.Status(1);
    private readonly ConcurrentDictionary<string, Task<object?>> _inflight = new(StringComparer.Ordinal);
    private RedisServerProcess _server = null!;
    private FieldCacheFactory _field = null!;
    private CacheKey<EmployeeStatus> _key;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        _field = await FieldCacheFactory.CreateAsync(_server.ConnectionString);
        _key = _field.Cache.Keys.Status(_status.EmployeeId);
        await _field.Cache.GetOrLoadAsync(_key, _status, SampleData.LoadFromState);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _field.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<EmployeeStatus?> FieldCacheGetOrLoadAsync()
    {
        _field.Cache.L1.Remove(_key.Name);
        return _field.Cache.GetOrLoadAsync(_key, _status, SampleData.MustNotLoad);
    }

    /// <summary>Today's shape: the starting caller, like any joiner, awaits the TaskCompletionSource's task.</summary>
    [Benchmark]
    public async Task<EmployeeStatus?> ReplicaLeaderAwaitsCompletionSource()
    {
        _field.Cache.L1.Remove(_key.Name);
        Task<object?> flight;
        while (!_inflight.TryGetValue(_key.Name, out flight!))
        {
            var started = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inflight.TryAdd(_key.Name, started.Task))
            {
                _ = RunFlightAsync(started, plainGet: false);
                flight = started.Task;
                break;
            }
        }

        return (EmployeeStatus?)await flight.ConfigureAwait(false);
    }

    /// <summary>Proposed: the starting caller awaits the flight itself, so it resumes where the read finished; joiners are unchanged.</summary>
    [Benchmark]
    public Task<EmployeeStatus?> ReplicaLeaderAwaitsFlight() => LeaderAwaitsFlightAsync(plainGet: false);

    /// <summary>Both proposals: the leader awaits the flight, and a hit reads GET+PTTL instead of running the script.</summary>
    [Benchmark]
    public Task<EmployeeStatus?> ReplicaLeaderAwaitsFlightGetWithExpiry() => LeaderAwaitsFlightAsync(plainGet: true);

    private async Task<EmployeeStatus?> LeaderAwaitsFlightAsync(bool plainGet)
    {
        _field.Cache.L1.Remove(_key.Name);
        Task<object?> flight;
        while (!_inflight.TryGetValue(_key.Name, out flight!))
        {
            var started = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inflight.TryAdd(_key.Name, started.Task))
            {
                await RunFlightAsync(started, plainGet).ConfigureAwait(false);
                flight = started.Task;
                break;
            }
        }

        return (EmployeeStatus?)await flight.ConfigureAwait(false);
    }

    private async Task RunFlightAsync(TaskCompletionSource<object?> flight, bool plainGet)
    {
        try
        {
            flight.TrySetResult(await ReadThroughAsync(plainGet).ConfigureAwait(false));
        }
        catch (Exception error)
        {
            flight.TrySetException(error);
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Task<object?>>(_key.Name, flight.Task));
        }
    }

    private async Task<EmployeeStatus?> ReadThroughAsync(bool plainGet)
    {
        var l1 = _field.Cache.L1;
        var version = l1.VersionOf(_key.Name);
        var (json, remaining) = plainGet ? await GetWithExpiryAsync().ConfigureAwait(false) : await ReadScriptAsync().ConfigureAwait(false);
        if (remaining <= TimeSpan.Zero || JsonSerializer.Deserialize((byte[])json!, _key.Family.TypeInfo) is not { } status)
        {
            return await SampleData.MustNotLoad(_status, CancellationToken.None).ConfigureAwait(false);
        }

        l1.TrySet(_key.Name, status, _key.Policy, remaining < L1Cap ? remaining : L1Cap, (int)json.Length(), version);
        return status;
    }

    private async Task<(RedisValue Json, TimeSpan Remaining)> ReadScriptAsync()
    {
        var read = await _field.Cache.Gate.Tier!.ReadAsync(_key.Name).ConfigureAwait(false);
        return (read.Value, read.Found ? read.Remaining : TimeSpan.Zero);
    }

    private async Task<(RedisValue Json, TimeSpan Remaining)> GetWithExpiryAsync()
    {
        var read = await _field.Redis!.GetDatabase().StringGetWithExpiryAsync(_key.Name).ConfigureAwait(false);
        return (read.Value, read.Value.HasValue && read.Expiry is { } expiry ? expiry : TimeSpan.Zero);
    }
}
