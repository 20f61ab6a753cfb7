using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Keeps this server on the database's cache generation (checked at start-up and on every outbox sweep, and
/// told by other servers' announcements), and moves the database to a new one when Redis has seen more of the
/// current generation than the database holds: the database was restored, so Redis's values may be from after it.
/// </summary>
internal sealed partial class GenerationFollower(
    ICacheGenerations generations,
    IInvalidationOutbox outbox,
    RedisGate gate,
    InvalidationBus bus,
    ILocalCache local,
    ILogger logger)
{
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        var generation = await generations.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (generation != local.Keys.Generation)
        {
            local.SwitchGeneration(generation);
        }

        var redisHighWater = await gate.TryAsync(0, static (tier, _) => tier.HighWaterAsync()).ConfigureAwait(false);
        if (redisHighWater.Succeeded && redisHighWater.Value > await outbox.HighWaterAsync(cancellationToken).ConfigureAwait(false))
        {
            var next = await generations.AdvanceAsync(generation, cancellationToken).ConfigureAwait(false);
            Log.DatabaseBehindRedis(logger, generation, next);
            local.SwitchGeneration(next);
            await bus.AnnounceGenerationAsync(next).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Another server announced <paramref name="announced"/> on the channel. The channel is not trusted to say so: the
    /// database's generation is read, and this server moves to that one. An announced generation the database does
    /// not hold is logged and not followed.
    /// </summary>
    public async Task ConfirmAsync(long announced, CancellationToken cancellationToken)
    {
        try
        {
            var current = await generations.CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (announced > current)
            {
                Log.AnnouncedNotHeld(logger, announced, current);
            }

            if (current != local.Keys.Generation)
            {
                local.SwitchGeneration(current);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The next outbox sweep follows the database's generation anyway.
            Log.ConfirmFailed(logger, announced, error);
        }
    }

    /// <summary>An operator's reset: a new generation for the database, this server and, by announcement, every other.</summary>
    public async Task<long> AdvanceAsync(CancellationToken cancellationToken)
    {
        var next = await generations.AdvanceAsync(local.Keys.Generation, cancellationToken).ConfigureAwait(false);
        local.SwitchGeneration(next);
        await bus.AnnounceGenerationAsync(next).ConfigureAwait(false);
        return next;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1227, Level = LogLevel.Warning, Message = "Ignored cache generation {Announced} announced on the invalidation channel: the database holds {Current}")]
        public static partial void AnnouncedNotHeld(ILogger logger, long announced, long current);

        [LoggerMessage(EventId = 1229, Level = LogLevel.Warning, Message = "Could not check announced cache generation {Announced} against the database; the next sweep follows it")]
        public static partial void ConfirmFailed(ILogger logger, long announced, Exception error);

        [LoggerMessage(EventId = 1224, Level = LogLevel.Warning, Message = "The database is behind what Redis saw of cache generation {Generation} (restored?); moved to generation {Next}")]
        public static partial void DatabaseBehindRedis(ILogger logger, long generation, long next);
    }
}
