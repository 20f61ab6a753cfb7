using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Carries invalidations between servers over Redis pub/sub: sends this server's (delete, version bump and
/// publish in one script, owed to Redis when it is out of reach), hears the others' and evicts their keys
/// here, and clears L1 when the connection comes back, because pub/sub is at-most-once.
/// </summary>
internal sealed partial class InvalidationBus(
    RedisGate gate,
    OwedInvalidations owed,
    string origin,
    Action<IReadOnlyCollection<string>, bool> evictLocally,
    Action clearLocally,
    ILogger logger) : IDisposable
{
    private int _started;

    /// <summary>True while this server is subscribed to the channel over a live connection, so it hears other servers' writes.</summary>
    public bool IsSubscribed => gate.Tier?.IsSubscribed() == true;

    /// <summary>Deletes the keys from Redis and tells every other server; owes them to Redis when it cannot be reached.</summary>
    public async Task PublishAsync(IReadOnlyCollection<string> keys)
    {
        if (gate.Tier is null)
        {
            return;
        }

        var message = new InvalidationMessage(origin, [.. keys]).ToJson();
        var sent = await gate.TryAsync((keys, message), static (tier, s) => tier.InvalidateAsync(s.keys, s.message)).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            owed.Add(keys);
        }
    }

    /// <summary>Subscribes to the channel and watches the connection. Called once at start-up; the multiplexer re-subscribes by itself after an outage.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (gate.Tier is not { } tier || Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        tier.Connection.ConnectionFailed += OnConnectionFailed;
        tier.Connection.ConnectionRestored += OnConnectionRestored;
        await gate.TryAsync((handler: (Action<RedisChannel, RedisValue>)OnMessage, cancellationToken), static (t, s) => t.SubscribeAsync(s.handler, s.cancellationToken)).ConfigureAwait(false);
    }

    private void OnMessage(RedisChannel channel, RedisValue payload)
    {
        var message = InvalidationMessage.Parse(((ReadOnlyMemory<byte>)payload).Span);
        if (message is null)
        {
            Log.UnreadableMessage(logger);
            return;
        }

        if (message.Origin != origin)
        {
            evictLocally(message.Keys, true);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) =>
        Log.RedisConnectionLost(logger, e.ConnectionType, e.FailureType);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        // Pub/sub is at-most-once: while disconnected this server may have missed invalidations.
        Log.RedisConnectionRestored(logger, e.ConnectionType);
        clearLocally();
    }

    public void Dispose()
    {
        if (gate.Tier is { } tier)
        {
            tier.Connection.ConnectionFailed -= OnConnectionFailed;
            tier.Connection.ConnectionRestored -= OnConnectionRestored;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Redis {ConnectionType} connection lost ({FailureType})")]
        public static partial void RedisConnectionLost(ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

        [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Redis {ConnectionType} connection restored; L1 cleared because invalidations may have been missed")]
        public static partial void RedisConnectionRestored(ILogger logger, ConnectionType connectionType);

        [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "An invalidation message could not be read and was ignored")]
        public static partial void UnreadableMessage(ILogger logger);
    }
}
