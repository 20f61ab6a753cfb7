namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>A page request for the key browser.</summary>
/// <param name="Pattern">Glob over the key without prefix (<c>employee:12*</c>); text without wildcards matches anywhere.</param>
/// <param name="Policy">Only keys of this policy; null for all.</param>
/// <param name="Cursor">Where the previous page ended (opaque); null for the first page.</param>
/// <param name="PageSize">Keys wanted, 1 to 500. A Redis page may hold fewer, as SCAN pages do.</param>
public sealed record CacheEntryQuery(string? Pattern = null, CachePolicy? Policy = null, string? Cursor = null, int PageSize = 50);
