namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>What the <see cref="InvalidationBus"/> does to this server when it hears something.</summary>
internal interface IInvalidationTarget
{
    /// <summary>An outbox intent was heard (its message arrived): catching up need not apply it again.</summary>
    void Heard(long intentId);

    /// <summary>Evicts keys another server invalidated.</summary>
    void EvictRemote(IReadOnlyList<string> keys);

    /// <summary>Patches this server's copy of an aggregate (every server's patches, this one's too: their versions arrive in order).</summary>
    void PatchAggregate(string key, IReadOnlyList<AggregateMember> members, AggregateVersion? version);

    /// <summary>Another server moved the cache to a new generation.</summary>
    void GenerationAnnounced(long generation);

    /// <summary>The connection broke: from now on messages may be missed.</summary>
    void Disconnected();

    /// <summary>The connection came back: messages may have been missed while it was down.</summary>
    void Reconnected();
}
