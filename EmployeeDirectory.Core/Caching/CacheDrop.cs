namespace EmployeeDirectory.Core.Caching;

/// <summary>A key to drop: a family and, for a per-id family, the id.</summary>
/// <param name="Family">The key's family.</param>
/// <param name="Id">The id for a per-id family; ignored for a single-key family.</param>
public sealed record CacheDrop(CacheKeyFamily Family, int Id = 0)
{
    /// <summary>
    /// The value that replaced the dropped one, encoded as the family stores it, when the write knows it (null
    /// otherwise). It travels with the invalidation so that listeners (open pages) can show the new value without
    /// reading the key again; the cache itself never stores it, so a drop stays a drop.
    /// </summary>
    public string? Successor { get; init; }
}
