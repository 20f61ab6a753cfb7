namespace EmployeeDirectory.Core.Caching;

/// <summary>A key to drop: a family and, for a per-id family, the id.</summary>
/// <param name="Family">The key's family.</param>
/// <param name="Id">The id for a per-id family; ignored for a single-key family.</param>
public sealed record CacheDrop(CacheKeyFamily Family, int Id = 0);
