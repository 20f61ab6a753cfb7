namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The durable side of invalidation, kept by the app beside its data: every write stores its
/// <see cref="CacheInvalidation"/> as an intent in the same transaction, so a crash between the commit and
/// Redis cannot lose it. The cache sends unsent intents before it reads Redis again, catches up from recent
/// ones after it may have missed messages, and prunes sent ones.
/// </summary>
public interface IInvalidationOutbox
{
    /// <summary>Intents not yet sent, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<InvalidationIntent>> UnsentAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Intents created at or after <paramref name="since"/>, sent or not, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<InvalidationIntent>> CreatedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default);

    /// <summary>Records that these intents reached Redis.</summary>
    Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes intents sent before <paramref name="sentBefore"/> (keeping the newest, which records the high-water mark); returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken = default);

    /// <summary>The largest intent id the outbox holds (0 when empty).</summary>
    Task<long> HighWaterAsync(CancellationToken cancellationToken = default);
}
