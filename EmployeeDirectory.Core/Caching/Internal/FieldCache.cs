using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The field cache: L1 (this server's memory) in front of L2 (Redis, optional). A read that L1 answers
/// costs a dictionary lookup; a miss joins or leads one load per key (<see cref="SingleFlight"/>) down the
/// shared <see cref="ReadThrough"/>; aggregates live in <see cref="AggregateCache"/>; writes go out through
/// the <see cref="InvalidationBus"/>. Every Redis call passes the <see cref="RedisGate"/>.
/// </summary>
internal sealed class FieldCache : IFieldCache, IInvalidationTarget, ILocalCache, IDisposable
{
    private readonly CacheMetrics _metrics;
    private readonly L1Store _l1;
    private readonly RedisGate _gate;
    private readonly ReadThrough _reads;
    private readonly BatchReader _batches;
    private readonly AggregateCache _aggregates;
    private readonly SingleFlight _flights = new();
    private readonly InvalidationBus _bus;
    private readonly OutboxRelay? _relay;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _shutdown = new();
    private CacheKeySpace _keys;
    private int _disposed;

    public FieldCache(
        IOptions<CacheOptions> options,
        CacheKeySpace keys,
        CachePolicies policies,
        CacheMetrics metrics,
        TimeProvider timeProvider,
        ILogger<FieldCache> logger,
        IConnectionMultiplexer? redis = null,
        IInvalidationOutbox? outbox = null,
        ICacheGenerations? generations = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _keys = keys;
        Policies = policies;
        _metrics = metrics;
        _l1 = new L1Store(settings.L1SizeLimitMegabytes * 1024L * 1024L, timeProvider);
        _gate = new RedisGate(redis is null ? null : new RedisTier(redis, () => Keys), settings, timeProvider, logger);
        _reads = new ReadThrough(_l1, _gate, policies, metrics, logger);
        _batches = new BatchReader(_l1, _flights, _reads, metrics, _shutdown.Token);
        _aggregates = new AggregateCache(_l1, _gate, policies, metrics, _flights, () => Keys, logger, _shutdown.Token);
        _bus = new InvalidationBus(_gate, Origin, this, logger);
        _timeProvider = timeProvider;
        if (outbox is null)
        {
            _gate.OweTo(() => _bus.OwesNothing, _bus.DeliverOwedAsync);
        }
        else
        {
            _relay = new OutboxRelay(outbox, generations, _bus, _gate, this, policies, settings, timeProvider, logger, _shutdown.Token);
        }
    }

    /// <inheritdoc />
    public event EventHandler<CacheInvalidatedEventArgs>? Invalidated;

    /// <inheritdoc />
    public CacheKeySpace Keys => Volatile.Read(ref _keys);

    public CachePolicies Policies { get; }

    /// <summary>Identifies this cache instance on the invalidation channel.</summary>
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

    internal DateTimeOffset Now => _l1.Now;

    /// <inheritdoc />
    public ValueTask<T?> GetOrLoadAsync<TState, T>(
        CacheKey<T> key,
        TState state,
        Func<TState, CancellationToken, Task<T?>> load,
        CancellationToken cancellationToken = default)
        where T : class
    {
        if (_relay is { IsBehind: true })
        {
            return new ValueTask<T?>(FollowThenGetAsync(key, state, load, cancellationToken));
        }

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
    public Task<IReadOnlyDictionary<TId, T>> GetOrLoadManyAsync<TId, T>(
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
        return _relay is { IsBehind: true }
            ? FollowThenAsync(() => _batches.ReadAsync(ids, keyOf, loadMissing, cancellationToken), cancellationToken)
            : _batches.ReadAsync(ids, keyOf, loadMissing, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<T> GetAggregateAsync<T>(
        CacheAggregateFamily<T> family,
        Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> loadMembers,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(loadMembers);
        return _relay is { IsBehind: true }
            ? new ValueTask<T>(FollowThenAsync(() => _aggregates.GetAsync(family, loadMembers, cancellationToken).AsTask(), cancellationToken))
            : _aggregates.GetAsync(family, loadMembers, cancellationToken);
    }

    /// <inheritdoc />
    public Task InvalidateAsync(CacheInvalidation invalidation)
    {
        ArgumentNullException.ThrowIfNull(invalidation);
        return invalidation.IsEmpty ? Task.CompletedTask : ApplyAsync(ResolvedInvalidation.From(invalidation, Keys, Policies, intentId: 0));
    }

    /// <inheritdoc />
    public async Task InvalidateAsync(InvalidationIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var invalidation = ResolvedInvalidation.From(intent.Invalidation, Keys, Policies, intent.Id);
        if (_relay is null)
        {
            await _bus.SendAsync(invalidation).ConfigureAwait(false);
        }
        else
        {
            await _relay.SendAsync(invalidation).ConfigureAwait(false);
        }

        ApplyLocally(invalidation, remote: false);
    }

    /// <summary>Evicts keys everywhere as an invalidation does, and counts them as operator evictions per policy.</summary>
    public async Task EvictAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await ApplyAsync(new ResolvedInvalidation(0, [.. keys], [])).ConfigureAwait(false);
        foreach (var group in keys.Select(PolicyOf).OfType<CachePolicy>().GroupBy(policy => policy))
        {
            _metrics.Evicted(group.Key, group.Count());
        }
    }

    /// <summary>Subscribes to the invalidation channel, follows the database's generation and sends what the outbox left unsent. Called once at start-up.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _bus.StartAsync(cancellationToken).ConfigureAwait(false);
        if (_relay is not null)
        {
            await _relay.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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

    /// <summary>Moves to another cache generation: its keys are new names, so nothing of the old one is read again.</summary>
    public void SwitchGeneration(long generation)
    {
        var current = Keys;
        if (current.Generation == generation || Interlocked.CompareExchange(ref _keys, current.InGeneration(generation), current) != current)
        {
            return;
        }

        ClearLocal();
    }

    void IInvalidationTarget.Heard(long intentId) => _relay?.Heard(intentId);

    void IInvalidationTarget.EvictRemote(IReadOnlyList<string> keys) => EvictLocally(keys, remote: true);

    void IInvalidationTarget.PatchAggregate(string key, IReadOnlyList<AggregateMember> members, AggregateVersion? version) =>
        _aggregates.Apply(key, members, version);

    void IInvalidationTarget.GenerationAnnounced(long generation) => SwitchGeneration(generation);

    void IInvalidationTarget.Disconnected() => _relay?.MissingFrom(_timeProvider.GetUtcNow());

    void IInvalidationTarget.Reconnected()
    {
        if (_relay is null)
        {
            // Without an outbox there is no record of what was missed: drop everything.
            ClearLocal();
        }
        else
        {
            _ = _relay.CatchUpAsync();
        }
    }

    void ILocalCache.CheckAggregates() => _aggregates.CheckAll();

    /// <summary>Evicts an invalidation's keys and applies its patches here (this server reads its own writes at once).</summary>
    public void ApplyLocally(ResolvedInvalidation invalidation, bool remote)
    {
        foreach (var aggregate in invalidation.Aggregates)
        {
            // Without a version: the aggregate's version moves on only with the message, which arrives in order.
            _aggregates.Apply(aggregate.Key, aggregate.Members, version: null);
        }

        // After the patches: evicting raises Invalidated, and whoever reacts to it must find the aggregates patched.
        if (invalidation.DropKeys.Count > 0)
        {
            EvictLocally(invalidation.DropKeys, remote);
        }
    }

    /// <summary>Sends an invalidation to Redis and every server, and applies it here at once.</summary>
    private async Task ApplyAsync(ResolvedInvalidation invalidation)
    {
        await _bus.SendAsync(invalidation).ConfigureAwait(false);
        ApplyLocally(invalidation, remote: false);
    }

    private async Task<T?> FollowThenGetAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        await _relay!.FollowAsync(cancellationToken).ConfigureAwait(false);
        if (_l1.TryGet<T>(key.Name, out var value))
        {
            _metrics.L1Hit(key.Policy, 0);
            return value;
        }

        _metrics.Miss(CacheTier.L1, key.Policy);
        return await MissAsync(key, state, load, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResult> FollowThenAsync<TResult>(Func<Task<TResult>> read, CancellationToken cancellationToken)
    {
        await _relay!.FollowAsync(cancellationToken).ConfigureAwait(false);
        return await read().ConfigureAwait(false);
    }

    private void EvictLocally(IReadOnlyList<string> keys, bool remote)
    {
        foreach (var key in keys)
        {
            _l1.Remove(key);
            // A load already under way may have read the old row; later readers must not join it.
            _flights.Forget(key);
            if (PolicyOf(key) is { } policy)
            {
                _metrics.Invalidated(policy, remote);
            }
        }

        Invalidated?.Invoke(this, new CacheInvalidatedEventArgs(keys, remote, everything: false));
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

    public void Dispose()
    {
        // The container may dispose this twice: once as FieldCache, once through IFieldCache.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _bus.Dispose();
        _relay?.Dispose();
        _shutdown.Cancel();
        _shutdown.Dispose();
        _l1.Dispose();
        _gate.Dispose();
    }
}
