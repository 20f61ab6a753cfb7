namespace EmployeeDirectory.Core.Caching;

/// <summary>A key recognised by <see cref="CacheKeySpace.TryParse"/>: its family and, for per-employee keys, the id.</summary>
public readonly record struct ParsedCacheKey(CacheKeyDefinition Definition, int? EmployeeId);
