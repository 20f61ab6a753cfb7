using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Catches this server up from the outbox when it may have missed messages (its connection broke, or Redis
/// stopped answering). Until it is caught up, every read first applies the intents committed since
/// (<see cref="FollowAsync"/>: reads arriving together share one query), so a write another server committed
/// is seen even though its message never came. Intents are applied once: sent, heard or followed.
/// </summary>
internal sealed partial class OutboxFollower(
    IInvalidationOutbox outbox,
    ILocalCache local,
    CachePolicies policies,
    CacheOptions options,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    /// <summary>Intents one catch-up reads at most; more means clearing L1 is cheaper than following them.</summary>
    private const int CatchUpLimit = 20_000;

    /// <summary>How far back a catch-up looks beyond the moment messages may have started to be missed (clock skew between servers).</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    private readonly AppliedIntents _applied = new();
    private readonly AppliedIntents _heard = new();
    private readonly SemaphoreSlim _following = new(1, 1);
    private volatile bool _behind;
    private DateTimeOffset _missingSince;
    private DateTimeOffset _followedTo;

    /// <summary>True while this server may be missing messages: reads catch up from the outbox first.</summary>
    public bool IsBehind => _behind;

    /// <summary>Records an intent this server applied (its own, or one it delivers).</summary>
    public bool Applied(long intentId) => _applied.Add(intentId);

    /// <summary>Records an intent sent by this server or heard from another: Redis has it, and this server applied it.</summary>
    public void Heard(long intentId)
    {
        _heard.Add(intentId);
        _applied.Add(intentId);
    }

    /// <summary>True when this server sent the intent or heard another server's message of it, so Redis has it.</summary>
    public bool HasHeard(long intentId) => _heard.Contains(intentId);

    /// <summary>Messages may be missed from <paramref name="moment"/> on: reads follow the outbox until <see cref="CatchUpAsync"/>.</summary>
    public void MissingFrom(DateTimeOffset moment)
    {
        if (!_behind)
        {
            _missingSince = moment;
            _followedTo = moment;
            _behind = true;
        }
    }

    /// <summary>
    /// While behind, applies every intent committed since this server may have started missing messages; returns
    /// how many it applied for the first time (learned from the outbox, not heard: Redis may not have them yet).
    /// </summary>
    public async Task<int> FollowAsync(CancellationToken cancellationToken)
    {
        var readStarted = time.GetUtcNow();
        await _following.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another read's query that started after this read did covers it.
            if (!_behind || _followedTo >= readStarted)
            {
                return 0;
            }

            var from = _missingSince < _followedTo ? _followedTo : _missingSince;
            var queried = time.GetUtcNow();
            var applied = await ApplySinceAsync(from - Margin, cancellationToken).ConfigureAwait(false);
            _followedTo = queried;
            return applied;
        }
        catch (DbException error)
        {
            // The database is out of reach too: what L1 holds is all there is to serve.
            Log.FollowFailed(logger, error);
            return 0;
        }
        finally
        {
            _following.Release();
        }
    }

    /// <summary>Applies everything committed since messages may have been missed, and stops following; false when it was not behind.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (!_behind)
        {
            return false;
        }

        await _following.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var applied = await ApplySinceAsync(_missingSince - Margin, cancellationToken).ConfigureAwait(false);
            Log.CaughtUp(logger, applied, _missingSince);
            _behind = false;
            return true;
        }
        finally
        {
            _following.Release();
        }
    }

    public void Dispose() => _following.Dispose();

    /// <summary>
    /// Applies the intents committed since <paramref name="since"/> here and returns how many it applied for the first time; when the outbox no
    /// longer reaches that far back (or holds too many), clears L1 instead, since what was missed cannot be known.
    /// </summary>
    private async Task<int> ApplySinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var intents = since < time.GetUtcNow() - options.OutboxRetention
            ? null
            : await outbox.CreatedSinceAsync(since, CatchUpLimit, cancellationToken).ConfigureAwait(false);
        if (intents is null || intents.Count >= CatchUpLimit)
        {
            Log.TooFarBehind(logger, since);
            local.ClearLocal();
            return 0;
        }

        var keys = local.Keys;
        var applied = 0;
        foreach (var intent in intents)
        {
            if (_applied.Add(intent.Id))
            {
                local.ApplyLocally(ResolvedInvalidation.From(intent.Invalidation, keys, policies, intent.Id), remote: true);
                applied++;
            }
        }

        return applied;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Caught up from the outbox: applied {Count} invalidations, committed since messages may have been missed ({Since:O}), that had not reached this server")]
        public static partial void CaughtUp(ILogger logger, int count, DateTimeOffset since);

        [LoggerMessage(EventId = 1221, Level = LogLevel.Warning, Message = "Messages may have been missed since {Since:O}, further back than the outbox keeps: L1 cleared")]
        public static partial void TooFarBehind(ILogger logger, DateTimeOffset since);

        [LoggerMessage(EventId = 1225, Level = LogLevel.Warning, Message = "Following the outbox failed (the database is out of reach); serving what L1 holds")]
        public static partial void FollowFailed(ILogger logger, Exception error);
    }
}
