using System.Collections.Concurrent;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Where the time of a field-cache L2 hit goes. Two replicas of its read-through (same Redis script, same
/// deserialisation and L1 write, no metrics or breaker) differ only in how the caller that starts a
/// single-flight load waits for it: as the cache does today, through a TaskCompletionSource that runs
/// continuations asynchronously (one more thread-pool hop), or awaiting the load's own task.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class L2HitCostBenchmarks
{
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
                _ = RunFlightAsync(started);
                flight = started.Task;
                break;
            }
        }

        return (EmployeeStatus?)await flight.ConfigureAwait(false);
    }

    /// <summary>Proposed: the starting caller awaits the flight itself, so it resumes where the read finished; joiners are unchanged.</summary>
    [Benchmark]
    public async Task<EmployeeStatus?> ReplicaLeaderAwaitsFlight()
    {
        _field.Cache.L1.Remove(_key.Name);
        Task<object?> flight;
        while (!_inflight.TryGetValue(_key.Name, out flight!))
        {
            var started = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inflight.TryAdd(_key.Name, started.Task))
            {
                await RunFlightAsync(started).ConfigureAwait(false);
                flight = started.Task;
                break;
            }
        }

        return (EmployeeStatus?)await flight.ConfigureAwait(false);
    }

    private async Task RunFlightAsync(TaskCompletionSource<object?> flight)
    {
        try
        {
            flight.TrySetResult(await ReadThroughAsync().ConfigureAwait(false));
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

    private async Task<EmployeeStatus?> ReadThroughAsync()
    {
        var l1 = _field.Cache.L1;
        var version = l1.VersionOf(_key.Name);
        var read = await _field.Cache.L2!.ReadAsync(_key.Name).ConfigureAwait(false);
        if (!read.Found || JsonSerializer.Deserialize((byte[])read.Value!, _key.TypeInfo) is not { } status)
        {
            return await SampleData.MustNotLoad(_status, CancellationToken.None).ConfigureAwait(false);
        }

        l1.TrySet(_key.Name, status, _key.Policy, read.Remaining < TimeSpan.FromSeconds(10) ? read.Remaining : TimeSpan.FromSeconds(10), (int)read.Value.Length(), version);
        return status;
    }
}
