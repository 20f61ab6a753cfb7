namespace EmployeeDirectory.Core.Caching;

/// <summary>A new value for one member of an aggregate, carried by a <see cref="CacheInvalidation"/>.</summary>
/// <param name="Aggregate">The aggregate's family.</param>
/// <param name="Member">The member's new value and the version it has in the source.</param>
public sealed record CachePatch(CacheKeyFamily Aggregate, AggregateMember Member)
{
    /// <summary>
    /// The member's payload before the write, as the writer read it in its transaction (null when unknown or new).
    /// Listeners compare it with <see cref="Member"/> to tell what moved (a page sorted by name re-reads only when
    /// a name changed); the cache itself never applies it.
    /// </summary>
    public string? Previous { get; init; }
}
