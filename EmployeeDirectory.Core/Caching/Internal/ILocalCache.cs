namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>What the <see cref="OutboxRelay"/> does to this server's copies when it catches up or changes generation.</summary>
internal interface ILocalCache
{
    CacheKeySpace Keys { get; }

    /// <summary>Evicts an invalidation's keys and applies its patches here (not in Redis).</summary>
    void ApplyLocally(ResolvedInvalidation invalidation, bool remote);

    /// <summary>Drops every copy (when what was missed cannot be known).</summary>
    void ClearLocal();

    /// <summary>Moves to another generation's keys.</summary>
    void SwitchGeneration(long generation);

    /// <summary>Checks every aggregate copy against Redis's version.</summary>
    void CheckAggregates();
}
