using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Carries invalidations between servers over Redis pub/sub: sends this server's (drops, patches and publish
/// in one script; owed to Redis when it is out of reach, and delivered before Redis is read again), hears
/// every server's and hands them to the <see cref="IInvalidationTarget"/>, and reports a reconnect, because
/// pub/sub is at-most-once.
/// </summary>
internal sealed partial class InvalidationBus : IDisposable
{
    private readonly RedisGate _gate;
    private readonly string _origin;
    private readonly IInvalidationTarget _target;
    private readonly ILogger _logger;
    private readonly OwedInvalidations _owed = new();
    private int _started;

    public InvalidationBus(RedisGate gate, string origin, IInvalidationTarget target, ILogger logger)
    {
        _gate = gate;
        _origin = origin;
        _target = target;
        _logger = logger;
    }

    /// <summary>True when nothing this server could not deliver is waiting in memory.</summary>
    public bool OwesNothing => _owed.IsEmpty;

    /// <summary>The message an invalidation goes out with.</summary>
    public string MessageOf(ResolvedInvalidation invalidation) => invalidation.ToMessage(_origin).ToJson();

    /// <summary>True while this server is subscribed to the channel over a live connection, so it hears other servers' writes.</summary>
    public bool IsSubscribed => _gate.Tier?.IsSubscribed() == true;

    /// <summary>
    /// Applies <paramref name="invalidation"/> in Redis and tells every server. True when delivered; when not, it
    /// is owed to Redis, kept here unless <paramref name="durable"/> (an outbox intent: the outbox keeps it).
    /// </summary>
    public async Task<bool> SendAsync(ResolvedInvalidation invalidation, bool durable = false)
    {
        if (_gate.Tier is null)
        {
            return false;
        }

        var message = invalidation.ToMessage(_origin).ToJson();
        var sent = await _gate.TryAsync((invalidation, message), static (tier, s) => tier.InvalidateAsync(s.invalidation, s.message)).ConfigureAwait(false);
        if (!sent.Succeeded && !durable)
        {
            _owed.Add(invalidation);
        }

        return sent.Succeeded;
    }

    /// <summary>Tells every server the cache moved to <paramref name="generation"/>. True when published.</summary>
    public async Task<bool> AnnounceGenerationAsync(long generation)
    {
        var message = InvalidationMessage.Announcement(_origin, generation).ToJson();
        return (await _gate.TryAsync(message, static (tier, m) => tier.PublishAsync(m)).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>Subscribes to the channel and watches the connection. Called once at start-up; the multiplexer re-subscribes by itself after an outage.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_gate.Tier is not { } tier || Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        tier.Connection.ConnectionFailed += OnConnectionFailed;
        tier.Connection.ConnectionRestored += OnConnectionRestored;
        await _gate.TryAsync((handler: (Action<RedisChannel, RedisValue>)OnMessage, cancellationToken), static (t, s) => t.SubscribeAsync(s.handler, s.cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Delivers what this server owes Redis from memory; Redis failures propagate.</summary>
    public async Task<int> DeliverOwedAsync(RedisTier tier)
    {
        var delivered = 0;
        foreach (var invalidation in _owed.Snapshot())
        {
            await tier.InvalidateAsync(invalidation, invalidation.ToMessage(_origin).ToJson()).ConfigureAwait(false);
            _owed.Delivered(invalidation);
            delivered++;
        }

        return delivered;
    }

    private void OnMessage(RedisChannel channel, RedisValue payload)
    {
        var message = InvalidationMessage.Parse(((ReadOnlyMemory<byte>)payload).Span, _target.Contract);
        if (message is null)
        {
            Log.UnreadableMessage(_logger);
            return;
        }

        if (message.Announced is { } generation)
        {
            _target.GenerationAnnounced(generation);
            return;
        }

        // This server's own messages are not news: its sends record themselves, and a delivery of another server's
        // intent must not pass for that server having sent it.
        var own = message.Origin == _origin;
        if (!own)
        {
            _target.Heard(message.Intent);
        }

        _target.Receive(message, own);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        Log.RedisConnectionLost(_logger, e.ConnectionType, e.FailureType);
        _target.Disconnected();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        Log.RedisConnectionRestored(_logger, e.ConnectionType);
        _target.Reconnected();
    }

    public void Dispose()
    {
        if (_gate.Tier is { } tier)
        {
            tier.Connection.ConnectionFailed -= OnConnectionFailed;
            tier.Connection.ConnectionRestored -= OnConnectionRestored;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Redis {ConnectionType} connection lost ({FailureType})")]
        public static partial void RedisConnectionLost(ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Redis {ConnectionType} connection restored; catching up on invalidations that may have been missed")]
        public static partial void RedisConnectionRestored(ILogger logger, ConnectionType connectionType);

        [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "An invalidation message could not be read and was ignored")]
        public static partial void UnreadableMessage(ILogger logger);
    }
}
