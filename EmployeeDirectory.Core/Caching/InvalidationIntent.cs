namespace EmployeeDirectory.Core.Caching;

/// <summary>A write's invalidation as the outbox holds it: stored with the write, sent to Redis after it.</summary>
/// <param name="Id">The outbox's id for it, increasing with every intent.</param>
/// <param name="CreatedAt">When the write committed it.</param>
/// <param name="Invalidation">What it invalidates.</param>
public sealed record InvalidationIntent(long Id, DateTimeOffset CreatedAt, CacheInvalidation Invalidation);
