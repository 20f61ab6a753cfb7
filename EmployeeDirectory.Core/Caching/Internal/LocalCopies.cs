namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// This server's copies and what changes them from outside a read: invalidations (this server's, other
/// servers' messages, an outbox catch-up), a generation change, a reconnect. Raises
/// <see cref="IFieldCache.Invalidated"/> through <paramref name="raise"/> for every eviction.
/// </summary>
internal sealed class LocalCopies(
    CacheKeySpace keys,
    L1Store l1,
    SingleFlight flights,
    AggregateCache aggregates,
    CacheMetrics metrics,
    TimeProvider timeProvider,
    Action<CacheInvalidatedEventArgs> raise) : IInvalidationTarget, ILocalCache
{
    private CacheKeySpace _keys = keys;

    /// <summary>Set once the outbox relay exists (it needs these copies first); null without an outbox.</summary>
    public OutboxRelay? Relay { get; set; }

    public CacheKeySpace Keys => Volatile.Read(ref _keys);

    /// <summary>Evicts an invalidation's keys and applies its patches here (this server reads its own writes at once).</summary>
    public void ApplyLocally(ResolvedInvalidation invalidation, bool remote)
    {
        // Patches first: the change event pages refresh on must find the aggregates patched.
        foreach (var aggregate in invalidation.Aggregates)
        {
            // Without a version: the aggregate's version moves on only with the message, which arrives in order.
            aggregates.Apply(aggregate.Key, aggregate.Members, version: null);
        }

        Evict(invalidation.Source, invalidation.DropKeys, remote);
    }

    /// <summary>Empties this server's L1 and tells open pages to refresh everything.</summary>
    public void ClearLocal()
    {
        l1.Clear();
        flights.ForgetAll();
        raise(CacheInvalidatedEventArgs.Cleared);
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

    public void CheckAggregates() => aggregates.CheckAll();

    public CachePolicy? PolicyOf(string key) => Keys.TryParse(key, out var parsed) ? parsed.Family.Policy : null;

    void IInvalidationTarget.Heard(long intentId) => Relay?.Heard(intentId);

    CacheContract IInvalidationTarget.Contract => Keys.Contract;

    void IInvalidationTarget.Receive(InvalidationMessage message, bool own)
    {
        var keys = Keys;
        if (message.Generation == keys.Generation)
        {
            // Grouped as the sender's ResolvedInvalidation grouped them, so the script's versions line up.
            var index = 0;
            foreach (var group in message.Invalidation.Patches.GroupBy(patch => patch.Aggregate))
            {
                var version = message.Versions is { } versions && index < versions.Count ? AggregateVersion.Parse(versions[index]) : null;
                aggregates.Apply(keys.NameOf(group.Key, 0), [.. group.Select(patch => patch.Member)], version);
                index++;
            }
        }

        if (!own)
        {
            Evict(message.Invalidation, [.. message.Invalidation.Drops.Select(drop => keys.NameOf(drop.Family, drop.Id)).Distinct(StringComparer.Ordinal)], remote: true);
        }
    }

    // Only the database says which generation is current: a message on the channel is a hint to go and look.
    // Without a generation store nobody announces one, so an announcement is ignored.
    void IInvalidationTarget.GenerationAnnounced(long generation) => Relay?.GenerationAnnounced(generation);

    void IInvalidationTarget.Disconnected() => Relay?.MissingFrom(timeProvider.GetUtcNow());

    void IInvalidationTarget.Reconnected()
    {
        if (Relay is null)
        {
            // Without an outbox there is no record of what was missed: drop everything.
            ClearLocal();
        }
        else
        {
            _ = Relay.CatchUpAsync();
        }
    }

    private void Evict(CacheInvalidation source, IReadOnlyList<string> keys, bool remote)
    {
        foreach (var key in keys)
        {
            l1.Remove(key);
            // A load already under way may have read the old row; later readers must not join it.
            flights.Forget(key);
            if (PolicyOf(key) is { } policy)
            {
                metrics.Invalidated(policy, remote);
            }
        }

        if (!source.IsEmpty)
        {
            raise(new CacheInvalidatedEventArgs(source, keys, remote));
        }
    }
}
