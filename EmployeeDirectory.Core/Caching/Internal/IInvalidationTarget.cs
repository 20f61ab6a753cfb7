namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>What the <see cref="InvalidationBus"/> does to this server when it hears something.</summary>
internal interface IInvalidationTarget
{
    /// <summary>The contract messages are read against.</summary>
    CacheContract Contract { get; }

    /// <summary>An outbox intent was heard (its message arrived): catching up need not apply it again.</summary>
    void Heard(long intentId);

    /// <summary>
    /// Applies an invalidation as heard on the channel: its patches with their versions (every server's, this one's
    /// too: their versions arrive in order), and, when another server sent it (<paramref name="own"/> false), its drops.
    /// </summary>
    void Receive(InvalidationMessage message, bool own);

    /// <summary>Another server moved the cache to a new generation.</summary>
    void GenerationAnnounced(long generation);

    /// <summary>The connection broke: from now on messages may be missed.</summary>
    void Disconnected();

    /// <summary>The connection came back: messages may have been missed while it was down.</summary>
    void Reconnected();
}
