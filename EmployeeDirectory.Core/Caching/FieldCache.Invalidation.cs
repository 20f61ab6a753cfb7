using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching;

public sealed partial class FieldCache
{
    // Keys whose L2 delete could not reach Redis. Until they are flushed, Redis may still hold the old
    // values, so L2 is not read at all.
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushGate = new(1, 1);

    /// <inheritdoc />
    public async Task InvalidateAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        if (_l2 is not null)
        {
            if (await TryEnterRedisAsync().ConfigureAwait(false))
            {
                try
                {
                    await _l2.InvalidateAsync(keys, Message(keys)).ConfigureAwait(false);
                    _breaker.Success();
                }
                catch (Exception error) when (IsRedisFailure(error))
                {
                    RedisFailed(error);
                    Queue(keys);
                }
            }
            else
            {
                Queue(keys);
            }
        }

        EvictLocally(keys, remote: false);
    }

    /// <summary>Subscribes to the invalidation channel and watches the connection. Called once at start-up.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_l2 is null)
        {
            return;
        }

        _l2.Connection.ConnectionFailed += OnConnectionFailed;
        _l2.Connection.ConnectionRestored += OnConnectionRestored;
        try
        {
            await _l2.Connection.GetSubscriber().SubscribeAsync(_l2.Channel, OnMessage).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IsRedisFailure(error))
        {
            // The multiplexer re-subscribes by itself once Redis is reachable.
            RedisFailed(error);
        }
    }

    /// <summary>
    /// True while this server is subscribed to the invalidation channel over a live connection, so it hears
    /// other servers' writes; false without Redis or while that connection is down.
    /// </summary>
    public bool IsInvalidationChannelConnected =>
        _l2 is { } redis && redis.Connection.GetSubscriber() is var subscriber
        && subscriber.SubscribedEndpoint(redis.Channel) is not null && subscriber.IsConnected(redis.Channel);

    /// <summary>
    /// Lets an idle server find out that Redis is back (the breaker otherwise waits for a request): when
    /// the breaker allows a probe, flushes queued invalidations and pings. True when L2 is usable.
    /// </summary>
    public async Task<bool> ProbeRedisAsync()
    {
        if (!await TryEnterRedisAsync().ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await _l2!.Connection.GetDatabase().PingAsync().ConfigureAwait(false);
            _breaker.Success();
            return true;
        }
        catch (Exception error) when (IsRedisFailure(error))
        {
            RedisFailed(error);
            return false;
        }
    }

    /// <summary>Evicts one key everywhere (the admin console's evict), counted as an operator eviction.</summary>
    public Task EvictAsync(string key) => EvictAsync([key]);

    /// <summary>Evicts keys everywhere as an invalidation does, and counts them as operator evictions per policy.</summary>
    public async Task EvictAsync(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await InvalidateAsync(keys).ConfigureAwait(false);
        foreach (var policy in Enum.GetValues<CachePolicy>())
        {
            var count = keys.Count(key => _keys.TryParse(key, out var parsed) && parsed.Definition.Policy == policy);
            if (count > 0)
            {
                _metrics.Evicted(policy, count);
            }
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue payload)
    {
        InvalidationMessage? message;
        try
        {
            message = JsonSerializer.Deserialize((byte[])payload!, MessageType);
        }
        catch (JsonException error)
        {
            Log.UnreadableMessage(_logger, error);
            return;
        }

        if (message is null || message.Origin == Origin)
        {
            return;
        }

        EvictLocally(message.Keys, remote: true);
    }

    private void EvictLocally(IReadOnlyCollection<string> keys, bool remote)
    {
        foreach (var key in keys)
        {
            _l1.Remove(key);
            // A load already under way may have read the old row; later readers must not join it.
            _inflight.TryRemove(key, out _);
            if (_keys.TryParse(key, out var parsed))
            {
                _metrics.Invalidated(parsed.Definition.Policy, remote);
            }
        }

        Invalidated?.Invoke(this, new CacheInvalidatedEventArgs([.. keys], remote, everything: false));
    }

    /// <summary>Empties this server's L1 and tells open pages to refresh everything.</summary>
    public void ClearLocal()
    {
        _l1.Clear();
        _inflight.Clear();
        Invalidated?.Invoke(this, new CacheInvalidatedEventArgs([], remote: false, everything: true));
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) =>
        Log.RedisConnectionLost(_logger, e.ConnectionType, e.FailureType);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        // Pub/sub is at-most-once: while disconnected this server may have missed invalidations.
        Log.RedisConnectionRestored(_logger, e.ConnectionType);
        ClearLocal();
    }

    private void Queue(IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            _pending.TryAdd(key, 0);
        }
    }

    /// <summary>True when L2 may be used now: Redis configured, breaker letting calls through, and no deletes owed to it.</summary>
    private async ValueTask<bool> TryEnterRedisAsync()
    {
        if (_l2 is null || !_breaker.TryEnter())
        {
            return false;
        }

        return _pending.IsEmpty || await FlushPendingAsync().ConfigureAwait(false);
    }

    private async Task<bool> FlushPendingAsync()
    {
        await _flushGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_pending.IsEmpty)
            {
                return true;
            }

            var keys = _pending.Keys.ToArray();
            await _l2!.InvalidateAsync(keys, Message(keys)).ConfigureAwait(false);
            foreach (var key in keys)
            {
                _pending.TryRemove(key, out _);
            }

            _breaker.Success();
            Log.FlushedPendingInvalidations(_logger, keys.Length);
            return true;
        }
        catch (Exception error) when (IsRedisFailure(error))
        {
            RedisFailed(error);
            return false;
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private string Message(IReadOnlyCollection<string> keys) =>
        JsonSerializer.Serialize(new InvalidationMessage(Origin, [.. keys]), MessageType);
}
