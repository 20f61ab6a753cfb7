namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>An <see cref="AggregateState{T}"/> seen from code that does not know its type (a message names only the key).</summary>
internal interface IAggregateState
{
    long Size { get; }

    long CheckDueTicks { get; set; }

    bool Apply(IReadOnlyList<AggregateMember> members, AggregateVersion? version);

    bool IsBehind(AggregateVersion? redisVersion);

    bool TryStartRefresh();

    void EndRefresh();
}
