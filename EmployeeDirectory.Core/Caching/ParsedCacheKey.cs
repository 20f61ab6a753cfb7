namespace EmployeeDirectory.Core.Caching;

/// <summary>A key recognised by <see cref="CacheKeySpace.TryParse"/>: its family and, for per-id families, the id.</summary>
/// <param name="Family">The family the key belongs to.</param>
/// <param name="Id">The id in the key; null for a single-key family.</param>
public readonly record struct ParsedCacheKey(CacheKeyFamily Family, int? Id);
