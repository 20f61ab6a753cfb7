using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The field cache: L1 (this server's memory) in front of L2 (Redis, optional). A read that L1 answers
/// costs a dictionary lookup; a miss joins or leads one load per key (<see cref="SingleFlight"/>) down the
/// shared <see cref="ReadThrough"/>; writes go out through the <see cref="InvalidationBus"/>. Every Redis
/// call passes the <see cref="RedisGate"/>.
/// </summary>
internal sealed class FieldCache : IFieldCache, IDisposable
{
    private readonly CacheMetrics _metrics;
    private readonly L1Store _l1;
    private readonly RedisGate _gate;
    private readonly ReadThrough _reads;
    private readonly SingleFlight _flights = new();
    private readonly InvalidationBus _bus;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;

    public FieldCache(
        IOptions<CacheOptions> options,
        CacheKeySpace keys,
        CachePolicies policies,
        CacheMetrics metrics,
        TimeProvider timeProvider,
        ILogger<FieldCache> logger,
        IConnectionMultiplexer? redis = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Keys = keys;
        Policies = policies;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _l1 = new L1Store(settings.L1SizeLimitMegabytes * 1024L * 1024L, timeProvider);
        var origin = Origin;
        var owed = new OwedInvalidations(owedKeys => new InvalidationMessage(origin, [.. owedKeys]).ToJson());
        _gate = new RedisGate(redis is null ? null : new RedisTier(redis, keys), owed, settings, timeProvider, logger);
        _reads = new ReadThrough(_l1, _gate, policies, metrics, logger);
        _bus = new InvalidationBus(_gate, owed, origin, EvictLocally, ClearLocal, logger);
    }

    /// <inheritdoc />
    public event EventHandler<CacheInvalidatedEventArgs>? Invalidated;

    /// <inheritdoc />
    public CacheKeySpace Keys { get; }

    public CachePolicies Policies { get; }

    /// <summary>Identifies this cache instance on the invalidation channel, so it ignores its own messages.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True when Redis is configured (L2 and pub/sub in use).</summary>
    public bool HasRedis => _gate.Tier is not null;

    /// <summary>True while Redis is configured but unavailable.</summary>
    public bool IsRedisDegraded => _gate.IsDegraded;

    /// <summary>True while this server hears other servers' invalidations; false without Redis or while its connection is down.</summary>
    public bool IsInvalidationChannelConnected => _bus.IsSubscribed;

    public CacheStatistics Statistics => _metrics.Statistics;

    internal L1Store L1 => _l1;

    internal RedisGate Gate => _gate;

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
        if (_l1.TryGet<T>(key.Name, out var value))
        {
            _metrics.L1Hit(key.Policy, sampledStart);
            return new ValueTask<T?>(value);
        }

        _metrics.Miss(CacheTier.L1, key.Policy);
        return new ValueTask<T?>(MissAsync(key, state, load, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TId, T>> GetOrLoadManyAsync<TId, T>(
        IReadOnlyCollection<TId> ids,
        Func<TId, CacheKey<T>> keyOf,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing,
        CancellationToken cancellationToken = default)
        where TId : notnull
        where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(loadMissing);
        var found = new Dictionary<TId, T>(ids.Count);
        var led = new List<BatchMiss<TId, T>>();
        var ledFlights = new List<TaskCompletionSource<object?>>();
        var joined = new List<(TId Id, Task<object?> Flight)>();
        var seen = new HashSet<TId>();
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var key = keyOf(id);
            if (_l1.TryGet<T>(key.Name, out var value))
            {
                _metrics.L1Hit(key.Policy, 0);
                found[id] = value;
                continue;
            }

            _metrics.Miss(CacheTier.L1, key.Policy);
            var l1Version = _l1.VersionOf(key.Name);
            if (_flights.TryLead(key.Name, out var flight))
            {
                led.Add(new BatchMiss<TId, T>(id, key, l1Version));
                ledFlights.Add(flight);
            }
            else
            {
                joined.Add((id, flight.Task));
            }
        }

        if (led.Count > 0)
        {
            var values = await LeadManyAsync(led, ledFlights, loadMissing).WaitAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < led.Count; i++)
            {
                if (values[i] is { } value)
                {
                    found[led[i].Id] = value;
                }
            }
        }

        foreach (var (id, flight) in joined)
        {
            if (await flight.WaitAsync(cancellationToken).ConfigureAwait(false) is T value)
            {
                found[id] = value;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task InvalidateAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await _bus.PublishAsync(keys).ConfigureAwait(false);
        EvictLocally(keys, remote: false);
    }

    /// <summary>Evicts keys everywhere as an invalidation does, and counts them as operator evictions per policy.</summary>
    public async Task EvictAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await InvalidateAsync(keys).ConfigureAwait(false);
        foreach (var group in keys.Select(PolicyOf).OfType<CachePolicy>().GroupBy(policy => policy))
        {
            _metrics.Evicted(group.Key, group.Count());
        }
    }

    /// <summary>Subscribes to the invalidation channel and watches the connection. Called once at start-up.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _bus.StartAsync(cancellationToken);

    /// <summary>
    /// Lets an idle server find out that Redis is back (the breaker otherwise waits for a request): when the
    /// breaker allows a probe, delivers owed invalidations and pings. True when L2 is usable.
    /// </summary>
    public async Task<bool> ProbeRedisAsync() =>
        (await _gate.TryAsync(0, static (tier, _) => tier.PingAsync()).ConfigureAwait(false)).Succeeded;

    /// <summary>Empties this server's L1 and tells open pages to refresh everything.</summary>
    public void ClearLocal()
    {
        _l1.Clear();
        _flights.ForgetAll();
        Invalidated?.Invoke(this, new CacheInvalidatedEventArgs([], remote: false, everything: true));
    }

    private void EvictLocally(IReadOnlyCollection<string> keys, bool remote)
    {
        foreach (var key in keys)
        {
            _l1.Remove(key);
            _flights.Forget(key);
            if (PolicyOf(key) is { } policy)
            {
                _metrics.Invalidated(policy, remote);
            }
        }

        Invalidated?.Invoke(this, new CacheInvalidatedEventArgs([.. keys], remote, everything: false));
    }

    private CachePolicy? PolicyOf(string key) => Keys.TryParse(key, out var parsed) ? parsed.Family.Policy : null;

    private async Task<T?> MissAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var l1Version = _l1.VersionOf(key.Name);
        if (!_flights.TryLead(key.Name, out var flight))
        {
            return (T?)await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The caller that leads awaits the load directly; only joiners wait on the shared task.
        return await LeadOneAsync(key, l1Version, state, load, flight).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // A shared load runs on the cache's own token: one caller giving up must not fail the others.
    private async Task<T?> LeadOneAsync<TState, T>(CacheKey<T> key, L1Version l1Version, TState state, Func<TState, CancellationToken, Task<T?>> load, TaskCompletionSource<object?> flight)
        where T : class
    {
        try
        {
            var value = await _reads.ReadOneAsync(key, l1Version, state, load, _shutdown.Token).ConfigureAwait(false);
            _flights.Land(key.Name, flight, value);
            return value;
        }
        catch (Exception error)
        {
            _flights.Crash(key.Name, flight, error);
            throw;
        }
    }

    private async Task<T?[]> LeadManyAsync<TId, T>(
        List<BatchMiss<TId, T>> misses,
        List<TaskCompletionSource<object?>> flights,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing)
        where TId : notnull
        where T : class
    {
        try
        {
            var values = await _reads.ReadManyAsync(misses, loadMissing, _shutdown.Token).ConfigureAwait(false);
            for (var i = 0; i < misses.Count; i++)
            {
                _flights.Land(misses[i].Key.Name, flights[i], values[i]);
            }

            return values;
        }
        catch (Exception error)
        {
            for (var i = 0; i < misses.Count; i++)
            {
                _flights.Crash(misses[i].Key.Name, flights[i], error);
            }

            throw;
        }
    }

    public void Dispose()
    {
        // The container may dispose this twice: once as FieldCache, once through IFieldCache.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _bus.Dispose();
        _shutdown.Cancel();
        _shutdown.Dispose();
        _l1.Dispose();
        _gate.Dispose();
    }
}
