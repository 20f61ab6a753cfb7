namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Delivers what is owed before Redis is read again: this server's in-memory debts, then every unsent intent
/// whose writer this server has not heard send it (intents it heard reached Redis: they are only marked sent).
/// An intent unsent for longer than the grace period that its writer never sent is evidence that the writer is
/// (or was) cut off from Redis, and whatever it writes reaches other servers only through the outbox: this
/// server then follows the outbox (<see cref="OutboxFollower.MissingFrom"/>) and remembers when it last saw such
/// evidence. A recent one may still be on its way from a writer that is fine: it is sent, but left unmarked for
/// its writer, so that a later delivery can still tell whether it was left.
/// </summary>
internal sealed class OutboxDelivery(
    IInvalidationOutbox outbox,
    OutboxFollower follower,
    ILocalCache local,
    InvalidationBus bus,
    CachePolicies policies,
    TimeProvider time,
    CancellationToken shutdown)
{
    /// <summary>How long a writer that is fine may take to send its intent (its Redis timeout, and then some).</summary>
    public static readonly TimeSpan UnsentGrace = TimeSpan.FromSeconds(1);

    /// <summary>Unsent intents read at a time.</summary>
    private const int Batch = 500;

    private readonly AppliedIntents _mine = new();
    private long _leftUnsentSeenAtTicks;

    /// <summary>How long since this server last found an intent its writer left unsent.</summary>
    public TimeSpan QuietFor => TimeSpan.FromTicks(time.GetUtcNow().UtcTicks - Interlocked.Read(ref _leftUnsentSeenAtTicks));

    /// <summary>This server could not send one of its own intents: delivering it later is no news about any other server.</summary>
    public void Owe(long intentId) => _mine.Add(intentId);

    /// <summary>True when every intent unsent for longer than <see cref="UnsentGrace"/> was sent by its writer (this server heard it).</summary>
    public async Task<bool> HeardEverythingUnsentAsync()
    {
        var unsent = await outbox.UnsentAsync(Batch, shutdown).ConfigureAwait(false);
        var settledBefore = time.GetUtcNow() - UnsentGrace;
        return unsent.Count < Batch && unsent.All(intent => intent.CreatedAt >= settledBefore || follower.HasHeard(intent.Id));
    }

    /// <summary>Delivers everything owed; Redis failures propagate. Returns how many invalidations went to Redis.</summary>
    public async Task<int> DeliverAsync(RedisTier tier)
    {
        var delivered = await bus.DeliverOwedAsync(tier).ConfigureAwait(false);
        var seen = new HashSet<long>();
        while (true)
        {
            var batch = (await outbox.UnsentAsync(Batch, shutdown).ConfigureAwait(false)).Where(intent => seen.Add(intent.Id)).ToList();
            if (batch.Count == 0)
            {
                return delivered;
            }

            var settledBefore = time.GetUtcNow() - UnsentGrace;
            var marked = new List<long>(batch.Count);
            var sends = new List<Task>(batch.Count);
            var keys = local.Keys;
            foreach (var intent in batch)
            {
                if (follower.HasHeard(intent.Id))
                {
                    marked.Add(intent.Id);
                    continue;
                }

                if (_mine.Contains(intent.Id))
                {
                    marked.Add(intent.Id);
                }
                else if (intent.CreatedAt < settledBefore)
                {
                    Interlocked.Exchange(ref _leftUnsentSeenAtTicks, time.GetUtcNow().UtcTicks);
                    follower.MissingFrom(intent.CreatedAt);
                    marked.Add(intent.Id);
                }

                var invalidation = ResolvedInvalidation.From(intent.Invalidation, keys, policies, intent.Id);
                // Applied here before it is sent: this server's own message evicts nothing here when it comes back.
                if (follower.Applied(intent.Id))
                {
                    local.ApplyLocally(invalidation, remote: true);
                }

                // Sent one after another on one connection without waiting for each answer (Redis keeps their order).
                sends.Add(tier.InvalidateAsync(invalidation, bus.MessageOf(invalidation)));
            }

            await Task.WhenAll(sends).ConfigureAwait(false);
            delivered += sends.Count;
            if (marked.Count > 0)
            {
                await outbox.MarkSentAsync(marked, time.GetUtcNow(), shutdown).ConfigureAwait(false);
            }
        }
    }
}
