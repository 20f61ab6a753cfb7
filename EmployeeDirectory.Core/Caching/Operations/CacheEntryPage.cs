namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>A page of the key browser.</summary>
/// <param name="Entries">The keys of this page.</param>
/// <param name="NextCursor">Pass back for the next page ("load more"); null when the listing is complete.</param>
/// <param name="TotalKeys">Keys in the tier: DBSIZE for Redis, the entry count for L1.</param>
public sealed record CacheEntryPage(IReadOnlyList<CacheEntryInfo> Entries, string? NextCursor, long TotalKeys);
