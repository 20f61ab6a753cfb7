using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The cache's side of the outbox. It sends each write's intent and marks it sent (in batches); owes Redis
/// whatever a failed send left unsent, so <see cref="RedisGate"/> delivers it (<see cref="OutboxDelivery"/>) before
/// Redis is read again; sends intents another server left unsent (it crashed after its commit, or cannot reach
/// Redis) on every sweep; prunes sent ones; and
/// catches a server up from the outbox when it may have missed messages: while its connection is down every
/// read first applies the intents committed since (<see cref="FollowAsync"/>), and on reconnect exactly what
/// changed meanwhile is evicted, not the whole L1. It also keeps the server on the database's cache generation.
/// </summary>
internal sealed partial class OutboxRelay : IDisposable
{
    private static readonly TimeSpan UnsentGrace = OutboxDelivery.UnsentGrace;

    private static readonly TimeSpan MinimumRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IInvalidationOutbox _outbox;
    private readonly GenerationFollower? _generations;
    private readonly InvalidationBus _bus;
    private readonly RedisGate _gate;
    private readonly ILocalCache _local;
    private readonly CachePolicies _policies;
    private readonly CacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<long> _sent = new();
    private readonly OutboxFollower _follower;
    private readonly OutboxDelivery _delivery;
    private readonly CancellationToken _shutdown;
    private ITimer? _sweep;
    // Nothing is owed until StartAsync has followed the database's generation: a delivery before that (on the
    // subscription's first call to Redis) would drop generation 0's keys and mark the intents sent, leaving the
    // current generation's keys holding what the intents replaced.
    private volatile bool _mayOwe;
    private int _catchUpRetrying;
    private int _sweeping;

    public OutboxRelay(
        IInvalidationOutbox outbox,
        ICacheGenerations? generations,
        InvalidationBus bus,
        RedisGate gate,
        ILocalCache local,
        CachePolicies policies,
        CacheOptions options,
        TimeProvider time,
        ILogger logger,
        CancellationToken shutdown)
    {
        _outbox = outbox;
        _generations = generations is null ? null : new GenerationFollower(generations, outbox, gate, bus, local, logger);
        _bus = bus;
        _gate = gate;
        _local = local;
        _policies = policies;
        _options = options;
        _time = time;
        _logger = logger;
        _shutdown = shutdown;
        _follower = new OutboxFollower(outbox, local, policies, options, time, logger);
        _delivery = new OutboxDelivery(outbox, _follower, local, bus, policies, time, shutdown);
        gate.OweTo(() => bus.OwesNothing && !_mayOwe, DeliverAsync);
        gate.Opened += () => MissingFrom(_time.GetUtcNow());
        gate.Recovered += () => _ = CatchUpAsync();
    }

    /// <summary>Records an intent whose message arrived from the server that wrote it (or from another that delivered it).</summary>
    public void Heard(long intentId) => _follower.Heard(intentId);

    /// <summary>True while this server may be missing messages: reads catch up from the outbox first.</summary>
    public bool IsBehind => _follower.IsBehind;

    /// <summary>Start-up, before the server serves: the database's generation, then every intent left unsent.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await FollowGenerationAsync(cancellationToken).ConfigureAwait(false);
        if (_gate.Tier is not null)
        {
            _mayOwe = true;
            await _gate.TryAsync(0, static (tier, _) => tier.PingAsync()).ConfigureAwait(false);
        }

        _sweep = _time.CreateTimer(static state => _ = ((OutboxRelay)state!).SweepAsync(), this, _options.OutboxSweepInterval, _options.OutboxSweepInterval);
    }

    /// <summary>Sends one intent; on success it is marked sent with the next batch, on failure it stays owed.</summary>
    public async Task SendAsync(ResolvedInvalidation invalidation)
    {
        _follower.Applied(invalidation.IntentId);
        if (await _bus.SendAsync(invalidation, durable: true).ConfigureAwait(false))
        {
            _follower.Heard(invalidation.IntentId);
            _sent.Enqueue(invalidation.IntentId);
        }
        else if (_gate.Tier is not null)
        {
            _delivery.Owe(invalidation.IntentId);
            _mayOwe = true;
        }
        else
        {
            // Without Redis nobody else is told: the intent has done its work once applied here.
            _sent.Enqueue(invalidation.IntentId);
        }
    }

    /// <summary>
    /// While behind, applies every intent committed since this server may have started missing messages. One it
    /// had not heard may not have reached Redis either (its writer may be cut off from Redis): until it is
    /// delivered, Redis may hold what it replaced, so this server delivers what is unsent before it reads Redis.
    /// </summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (await _follower.FollowAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            _mayOwe = true;
        }
    }

    /// <summary>Messages may be missed from now: reads follow the outbox until a catch-up after the reconnect.</summary>
    public void MissingFrom(DateTimeOffset moment) => _follower.MissingFrom(moment);

    /// <summary>
    /// After a reconnect: everything unsent goes to Redis first (the gate sees to it), then exactly what changed
    /// meanwhile is evicted and reads stop following the outbox. Only once this server hears the channel again
    /// (subscribed, breaker closed) and has heard every intent still unsent: an intent that is unsent and unheard
    /// may come from a server that is still cut off from Redis, whose writes reach no other server but through
    /// the outbox. Until then reads keep following it, and the catch-up tries again shortly.
    /// </summary>
    public async Task CatchUpAsync()
    {
        try
        {
            _mayOwe = true;
            await FollowGenerationAsync(_shutdown).ConfigureAwait(false);
            if (!_follower.IsBehind || _gate.IsDegraded || !_bus.IsSubscribed)
            {
                return;
            }

            // A server that left intents unsent may still be cut off: while it writes, its intents keep turning up
            // unsent after the grace period; wait until none has for that long (this catch-up's delivery included).
            var quietFor = _delivery.QuietFor;
            if (quietFor < UnsentGrace || !await _delivery.HeardEverythingUnsentAsync().ConfigureAwait(false))
            {
                RetryCatchUp(quietFor < UnsentGrace ? UnsentGrace - quietFor : UnsentGrace / 4);
                return;
            }

            await _follower.CatchUpAsync(_shutdown).ConfigureAwait(false);
            // An intent committed since the check may not be in Redis yet: deliver before reading Redis again.
            _mayOwe = true;
            _local.CheckAggregates();
        }
#pragma warning disable CA1031 // The database may be down too: stay behind (reads keep following) and let the next sweep retry.
        catch (Exception error) when (!_shutdown.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.CatchUpFailed(_logger, error);
        }
    }

    /// <summary>Tries the catch-up again after <paramref name="delay"/> (once, however many ask), rather than at the next sweep.</summary>
    private void RetryCatchUp(TimeSpan delay)
    {
        if (Interlocked.Exchange(ref _catchUpRetrying, 1) == 1)
        {
            return;
        }

        _ = RetryAsync();

        async Task RetryAsync()
        {
            try
            {
                await Task.Delay(delay < MinimumRetryDelay ? MinimumRetryDelay : delay, _time, _shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                Volatile.Write(ref _catchUpRetrying, 0);
            }

            await CatchUpAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Delivers what is owed (see <see cref="OutboxDelivery"/>); then nothing is, until something else is.</summary>
    private async Task<int> DeliverAsync(RedisTier tier)
    {
        var delivered = await _delivery.DeliverAsync(tier).ConfigureAwait(false);
        _mayOwe = false;
        return delivered;
    }

    private async Task SweepAsync()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            await MarkSentAsync().ConfigureAwait(false);
            await FollowGenerationAsync(_shutdown).ConfigureAwait(false);
            if (_gate.Tier is not null)
            {
                var unsent = await _outbox.UnsentAsync(1, _shutdown).ConfigureAwait(false);
                if (unsent.Count > 0 && unsent[0].CreatedAt < _time.GetUtcNow() - UnsentGrace)
                {
                    // Left by a server that crashed after its commit, or not delivered during an outage.
                    _mayOwe = true;
                    await _gate.TryAsync(0, static (tier, _) => tier.PingAsync()).ConfigureAwait(false);
                }

                if (_follower.IsBehind)
                {
                    await CatchUpAsync().ConfigureAwait(false);
                }
            }

            await _outbox.PruneAsync(_time.GetUtcNow() - _options.OutboxRetention, _shutdown).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A sweep that fails (the database is down) is retried by the next one; the server keeps serving.
        catch (Exception error) when (!_shutdown.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.SweepFailed(_logger, error);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private async Task MarkSentAsync()
    {
        var ids = new List<long>();
        while (_sent.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        if (ids.Count > 0)
        {
            await _outbox.MarkSentAsync(ids, _time.GetUtcNow(), _shutdown).ConfigureAwait(false);
        }
    }

    private Task FollowGenerationAsync(CancellationToken cancellationToken) =>
        _generations?.FollowAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Another server announced a generation: this server follows the database's, not the message's.</summary>
    public void GenerationAnnounced(long generation)
    {
        if (_generations is { } generations)
        {
            _ = generations.ConfirmAsync(generation, _shutdown);
        }
    }

    /// <summary>True when the generation is kept with the data (the app registered an <see cref="ICacheGenerations"/>).</summary>
    public bool HasGenerations => _generations is not null;

    /// <summary>An operator's reset: the database, this server and every other move to a new generation.</summary>
    public Task<long> ResetGenerationAsync(CancellationToken cancellationToken) =>
        _generations?.AdvanceAsync(cancellationToken) ?? throw new InvalidOperationException("The cache has no generation store.");

    public void Dispose()
    {
        _sweep?.Dispose();
        _follower.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1222, Level = LogLevel.Warning, Message = "Catching up from the outbox failed; reads keep following it until a sweep succeeds")]
        public static partial void CatchUpFailed(ILogger logger, Exception error);

        [LoggerMessage(EventId = 1223, Level = LogLevel.Warning, Message = "An outbox sweep failed; the next one retries")]
        public static partial void SweepFailed(ILogger logger, Exception error);
    }
}
