using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The field cache: L1 (this server's memory) in front of L2 (Redis, optional), with single-flight loads,
/// version-guarded write-backs, pub/sub invalidation, a circuit breaker and queued invalidations for
/// Redis outages. See DESIGN.md section 3 for the contract this implements.
/// </summary>
public sealed partial class FieldCache : IFieldCache, IDisposable
{
    private readonly CacheOptions _options;
    private readonly CacheKeySpace _keys;
    private readonly CacheMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FieldCache> _logger;
    private readonly L1Store _l1;
    private readonly RedisTier? _l2;
    private readonly CircuitBreaker _breaker;
    private readonly ConcurrentDictionary<string, Task<object?>> _inflight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;

    public FieldCache(
        IOptions<CacheOptions> options,
        CacheKeySpace keys,
        CacheMetrics metrics,
        TimeProvider timeProvider,
        ILogger<FieldCache> logger,
        IConnectionMultiplexer? redis = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _keys = keys;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _l1 = new L1Store(_options.L1SizeLimitMegabytes * 1024L * 1024L, timeProvider);
        _l2 = redis is null ? null : new RedisTier(redis, keys);
        _breaker = new CircuitBreaker(_options.BreakerFailureThreshold, _options.BreakerOpenDuration, timeProvider);
        _breaker.Opened += error => Log.RedisUnavailable(_logger, error);
        _breaker.Recovered += () => Log.RedisRecovered(_logger);
    }

    /// <inheritdoc />
    public event EventHandler<CacheInvalidatedEventArgs>? Invalidated;

    /// <summary>Identifies this cache instance on the invalidation channel, so it ignores its own messages.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True when Redis is configured (L2 and pub/sub in use).</summary>
    public bool HasRedis => _l2 is not null;

    /// <summary>True while Redis is configured but considered unavailable (breaker open).</summary>
    public bool IsRedisDegraded => _l2 is not null && (_breaker.IsOpen || !_l2.Connection.IsConnected);

    public CacheKeySpace Keys => _keys;

    public CacheOptions Options => _options;

    public CacheStatistics Statistics => _metrics.Statistics;

    internal L1Store L1 => _l1;

    internal RedisTier? L2 => _l2;

    internal DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <inheritdoc />
    public ValueTask<T?> GetOrLoadAsync<TState, T>(
        CacheKey<T> key,
        TState state,
        Func<TState, CancellationToken, Task<T?>> load,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var sampledStart = _metrics.SampleL1Start();
        if (_l1.TryGet<T>(key.Name, out var value, out _))
        {
            _metrics.L1Hit(key.Policy, sampledStart);
            return new ValueTask<T?>(value);
        }

        _metrics.Miss(CacheTier.L1, key.Policy);
        return new ValueTask<T?>(JoinLoadAsync(key, state, load, cancellationToken));
    }

    private async Task<T?> JoinLoadAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        Task<object?> flight;
        while (!_inflight.TryGetValue(key.Name, out flight!))
        {
            var started = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inflight.TryAdd(key.Name, started.Task))
            {
                // The caller that starts the load awaits it directly; only joiners wait on the shared task.
                await RunFlightAsync(key, state, load, started).WaitAsync(cancellationToken).ConfigureAwait(false);
                return (T?)await started.Task.ConfigureAwait(false);
            }
        }

        return (T?)await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // The shared load runs on the cache's own token: one caller giving up must not fail the others.
    private async Task RunFlightAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, TaskCompletionSource<object?> flight)
        where T : class
    {
        try
        {
            flight.TrySetResult(await ReadThroughAsync(key, state, load, _shutdown.Token).ConfigureAwait(false));
        }
        catch (Exception error)
        {
            flight.TrySetException(error);
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Task<object?>>(key.Name, flight.Task));
        }
    }

    private async Task<T?> ReadThroughAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var policy = _options.Policies.For(key.Policy);
        var l1Version = _l1.VersionOf(key.Name);
        L2Read? read = null;
        if (await TryEnterRedisAsync().ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var hit = await _l2!.ReadAsync(key.Name).ConfigureAwait(false);
                _metrics.Latency(CacheTier.L2, key.Policy, started);
                if (hit.Found && TryDeserialize(hit.Value, key, out var cached))
                {
                    _breaker.Success();
                    _metrics.Hit(CacheTier.L2, key.Policy);
                    _l1.TrySet(key.Name, cached, key.Policy, Min(policy.L1Cap, hit.Remaining), SizeOf(hit.Value), l1Version);
                    return cached;
                }

                _metrics.Miss(CacheTier.L2, key.Policy);
                // Only a miss needs the version: it guards the write-back of what the load is about to read.
                read = hit with { Version = await _l2.ReadVersionAsync(key.Name).ConfigureAwait(false) };
                _breaker.Success();
            }
            catch (Exception error) when (IsRedisFailure(error))
            {
                RedisFailed(error);
            }
        }

        var loadStarted = Stopwatch.GetTimestamp();
        var loaded = await load(state, cancellationToken).ConfigureAwait(false);
        _metrics.Loaded(key.Policy, 1, loadStarted);
        if (loaded is null)
        {
            return null;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(loaded, key.TypeInfo);
        var ttl = Jittered(policy);
        if (read is { } before)
        {
            try
            {
                var written = await _l2!.WriteIfVersionAsync([new L2Write(key.Name, json, ttl, before.ExpectedVersion)]).ConfigureAwait(false);
                _breaker.Success();
                if (written == 0)
                {
                    // Invalidated while we loaded: what we hold may predate the write, so cache nothing.
                    return loaded;
                }

                _l1.TrySet(key.Name, loaded, key.Policy, Min(policy.L1Cap, ttl), json.Length, l1Version);
                return loaded;
            }
            catch (Exception error) when (IsRedisFailure(error))
            {
                RedisFailed(error);
            }
        }

        _l1.TrySet(key.Name, loaded, key.Policy, L1OnlyLifetime(policy, ttl), json.Length, l1Version);
        return loaded;
    }

    /// <summary>Without Redis configured L1 is the only tier and keeps the full TTL; with Redis unavailable, only the L1 cap.</summary>
    private TimeSpan L1OnlyLifetime(CachePolicyOptions policy, TimeSpan ttl) => _l2 is null ? ttl : Min(policy.L1Cap, ttl);

    private static TimeSpan Jittered(CachePolicyOptions policy)
    {
        var factor = 1 + ((Random.Shared.NextDouble() * 2) - 1) * policy.Jitter;
        return policy.Ttl * factor;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static int SizeOf(RedisValue value) => (int)Math.Min(int.MaxValue, value.Length());

    private bool TryDeserialize<T>(RedisValue json, CacheKey<T> key, out T value)
        where T : class
    {
        try
        {
            var result = JsonSerializer.Deserialize((byte[])json!, key.TypeInfo);
            if (result is not null)
            {
                value = result;
                return true;
            }
        }
        catch (JsonException error)
        {
            // An entry written by an older shape of the type: treat it as a miss; the load overwrites it.
            Log.UnreadableEntry(_logger, key.Name, error);
        }

        value = null!;
        return false;
    }

    private static bool IsRedisFailure(Exception error) => error is RedisException or TimeoutException or ObjectDisposedException;

    private void RedisFailed(Exception error)
    {
        Log.RedisCallFailed(_logger, error);
        _breaker.Failure(error);
    }

    private static JsonTypeInfo<InvalidationMessage> MessageType => CacheJsonContext.Default.InvalidationMessage;

    public void Dispose()
    {
        // The container may dispose this twice: once as FieldCache, once through IFieldCache.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_l2 is not null)
        {
            _l2.Connection.ConnectionFailed -= OnConnectionFailed;
            _l2.Connection.ConnectionRestored -= OnConnectionRestored;
        }

        _shutdown.Cancel();
        _shutdown.Dispose();
        _l1.Dispose();
        _flushGate.Dispose();
    }
}
