namespace EmployeeDirectory.Core.Caching;

/// <summary>A new value for one member of an aggregate, carried by a <see cref="CacheInvalidation"/>.</summary>
/// <param name="Aggregate">The aggregate's family.</param>
/// <param name="Member">The member's new value and the version it has in the source.</param>
public sealed record CachePatch(CacheKeyFamily Aggregate, AggregateMember Member);
