namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// What the engine needs to hold an aggregate in memory: build it from its members, apply one member's new
/// value, and measure it. Snapshots are immutable: <see cref="Apply"/> returns a new one, so readers never see
/// a half-applied patch.
/// </summary>
/// <typeparam name="T">The in-memory form (an index, a set).</typeparam>
public interface ICacheAggregateCodec<T>
    where T : class
{
    /// <summary>The aggregate holding exactly <paramref name="members"/>.</summary>
    T Build(IReadOnlyList<AggregateMember> members);

    /// <summary><paramref name="current"/> with one member's value replaced (or added).</summary>
    T Apply(T current, AggregateMember member);

    /// <summary>The memory <paramref name="value"/> holds, in bytes, as L1 accounts for it.</summary>
    long SizeOf(T value);

    /// <summary>
    /// Why <paramref name="member"/> cannot be used (a field missing, a number out of range), or null when it can. Members
    /// come from Redis and the invalidation channel, which the app trusts less than its database: the engine skips and
    /// logs a member with a problem before <see cref="Build"/> or <see cref="Apply"/> sees it. Checked for every member
    /// loaded, so it should not allocate.
    /// </summary>
    string? ProblemOf(AggregateMember member) => null;
}
