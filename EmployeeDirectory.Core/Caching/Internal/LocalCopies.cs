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
        // Patches first: evicting raises the change events pages refresh on, and they must find the aggregates patched.
        foreach (var aggregate in invalidation.Aggregates)
        {
            // Without a version: the aggregate's version moves on only with the message, which arrives in order.
            aggregates.Apply(aggregate.Key, aggregate.Members, version: null);
        }

        if (invalidation.DropKeys.Count > 0)
        {
            Evict(invalidation.DropKeys, remote);
        }
    }

    /// <summary>Empties this server's L1 and tells open pages to refresh everything.</summary>
    public void ClearLocal()
    {
        l1.Clear();
        flights.ForgetAll();
        raise(new CacheInvalidatedEventArgs([], remote: false, everything: true));
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

    void IInvalidationTarget.EvictRemote(IReadOnlyList<string> keys) => Evict(keys, remote: true);

    void IInvalidationTarget.PatchAggregate(string key, IReadOnlyList<AggregateMember> members, AggregateVersion? version) =>
        aggregates.Apply(key, members, version);

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

    private void Evict(IReadOnlyList<string> keys, bool remote)
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

        raise(new CacheInvalidatedEventArgs(keys, remote, everything: false));
    }
}
