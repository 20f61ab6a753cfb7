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
internal sealed class FieldCache : IFieldCache, IDisposable
{
    private readonly CacheMetrics _metrics;
    private readonly L1Store _l1;
    private readonly RedisGate _gate;
    private readonly ReadThrough _reads;
    private readonly SingleReader _singles;
    private readonly BatchReader _batches;
    private readonly AggregateCache _aggregates;
    private readonly SingleFlight _flights = new();
    private readonly InvalidationBus _bus;
    private readonly OutboxRelay? _relay;
    private readonly LocalCopies _copies;
    private readonly CancellationTokenSource _shutdown = new();
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
        Policies = policies;
        _metrics = metrics;
        _l1 = new L1Store(settings.L1SizeLimitMegabytes * 1024L * 1024L, timeProvider);
        _gate = new RedisGate(redis is null ? null : new RedisTier(redis, keys.InvalidationChannel, () => Keys), settings, timeProvider, logger);
        _reads = new ReadThrough(_l1, _gate, policies, metrics, logger);
        _singles = new SingleReader(_l1, _flights, _gate, _reads, _shutdown.Token);
        _batches = new BatchReader(_l1, _flights, _reads, metrics, _shutdown.Token);
        _aggregates = new AggregateCache(_l1, _gate, policies, metrics, _flights, () => Keys, logger, _shutdown.Token);
        _copies = new LocalCopies(keys, _l1, _flights, _aggregates, metrics, timeProvider, args => Invalidated?.Invoke(this, args));
        _bus = new InvalidationBus(_gate, Origin, _copies, logger);
        if (outbox is null)
        {
            _gate.OweTo(() => _bus.OwesNothing, _bus.DeliverOwedAsync);
        }
        else
        {
            _relay = new OutboxRelay(outbox, generations, _bus, _gate, _copies, policies, settings, timeProvider, logger, _shutdown.Token);
            _copies.Relay = _relay;
        }
    }

    /// <inheritdoc />
    public event EventHandler<CacheInvalidatedEventArgs>? Invalidated;

    /// <inheritdoc />
    public CacheKeySpace Keys => _copies.Keys;

    public CachePolicies Policies { get; }

    /// <summary>Identifies this cache instance on the invalidation channel.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True when Redis is configured (L2 and pub/sub in use).</summary>
    public bool HasRedis => _gate.Tier is not null;

    /// <summary>True while Redis is configured but unavailable.</summary>
    public bool IsRedisDegraded => _gate.IsDegraded;

    /// <summary>True while this server hears other servers' invalidations; false without Redis or while its connection is down.</summary>
    public bool IsInvalidationChannelConnected => _bus.IsSubscribed;

    /// <summary>True while this server may have missed invalidations: every read first applies those committed since, from the outbox.</summary>
    public bool IsFollowingOutbox => _relay?.IsBehind == true;

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
        return new ValueTask<T?>(_singles.MissAsync(key, state, load, cancellationToken));
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

        _copies.ApplyLocally(invalidation, remote: false);
    }

    /// <summary>
    /// Evicts keys everywhere as an invalidation does, and counts them as operator evictions per policy. Keys are
    /// full names of this key space (the console lists nothing else); any other name is ignored.
    /// </summary>
    public async Task EvictAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var space = Keys;
        var drops = keys
            .Select(key => space.TryParse(key, out var parsed) ? new CacheDrop(parsed.Family, parsed.Id ?? 0) : null)
            .OfType<CacheDrop>()
            .ToList();
        if (drops.Count == 0)
        {
            return;
        }

        await ApplyAsync(ResolvedInvalidation.From(new CacheInvalidation(drops, []), space, Policies, intentId: 0)).ConfigureAwait(false);
        foreach (var group in keys.Select(_copies.PolicyOf).OfType<CachePolicy>().GroupBy(policy => policy))
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

    /// <summary>True when the cache keeps its generation with the data, so an operator can move it to a new one.</summary>
    public bool CanReset => _relay?.HasGenerations == true;

    /// <summary>An operator's reset: the data, this server and every other move to a new generation, whose keys nothing has cached yet.</summary>
    public Task<long> ResetAsync(CancellationToken cancellationToken) =>
        _relay?.ResetGenerationAsync(cancellationToken) ?? throw new InvalidOperationException("This cache keeps no generation with its data.");

    /// <summary>Empties this server's L1 and tells open pages to refresh everything.</summary>
    public void ClearLocal() => _copies.ClearLocal();

    /// <summary>Moves to another cache generation: its keys are new names, so nothing of the old one is read again.</summary>
    public void SwitchGeneration(long generation) => _copies.SwitchGeneration(generation);

    /// <summary>Sends an invalidation to Redis and every server, and applies it here at once.</summary>
    private async Task ApplyAsync(ResolvedInvalidation invalidation)
    {
        await _bus.SendAsync(invalidation).ConfigureAwait(false);
        _copies.ApplyLocally(invalidation, remote: false);
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
        return await _singles.MissAsync(key, state, load, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResult> FollowThenAsync<TResult>(Func<Task<TResult>> read, CancellationToken cancellationToken)
    {
        await _relay!.FollowAsync(cancellationToken).ConfigureAwait(false);
        return await read().ConfigureAwait(false);
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
