namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The two-tier field cache: L1 memory on this server in front of Redis (L2, optional), cache-aside
/// with a TTL per field policy. Reads never fail because Redis does; invalidations reach every server.
/// </summary>
public interface IFieldCache
{
    /// <summary>Raised after keys were evicted from this server's L1, whoever caused it. Handlers must be quick.</summary>
    event EventHandler<CacheInvalidatedEventArgs>? Invalidated;

    /// <summary>The contract's keys under this deployment's prefix.</summary>
    CacheKeySpace Keys { get; }

    /// <summary>
    /// Reads L1, then L2, then <paramref name="load"/>; writes a loaded value back to L2 then L1. Concurrent
    /// misses of one key in this process share one load. <paramref name="state"/> lets the loader be a
    /// static lambda, so a hit allocates nothing. A null load result is returned and not cached.
    /// </summary>
    ValueTask<T?> GetOrLoadAsync<TState, T>(
        CacheKey<T> key,
        TState state,
        Func<TState, CancellationToken, Task<T?>> load,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Reads many keys of one family the same way: L1 first, then one Redis round trip for what L1 lacks, then
    /// one call of <paramref name="loadMissing"/> for what Redis lacks, written back to L2 then L1. A key
    /// another read is already loading is awaited rather than loaded again. Ids the loader does not return
    /// are absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<TId, T>> GetOrLoadManyAsync<TId, T>(
        IReadOnlyCollection<TId> ids,
        Func<TId, CacheKey<T>> keyOf,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing,
        CancellationToken cancellationToken = default)
        where TId : notnull
        where T : class;

    /// <summary>
    /// An aggregate many readers share: this server's copy, loaded once (Redis's complete copy, else
    /// <paramref name="loadMembers"/> from the source, written back) and kept current by the patches every
    /// write carries rather than reloaded. Concurrent first reads share one load.
    /// </summary>
    ValueTask<T> GetAggregateAsync<T>(
        CacheAggregateFamily<T> family,
        Func<CancellationToken, Task<IReadOnlyList<AggregateMember>>> loadMembers,
        CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Applies a write's invalidation: drops its keys from L2 and this server's L1, patches its aggregate members
    /// in L2 and here, and tells every other server to do the same. Call it after the database commit. It does
    /// not take a cancellation token on purpose: once a write has committed, its invalidation must finish. With
    /// Redis out of reach it is owed and delivered before Redis is read again.
    /// </summary>
    Task InvalidateAsync(CacheInvalidation invalidation);

    /// <summary>
    /// As <see cref="InvalidateAsync(CacheInvalidation)"/>, for an invalidation the write stored in the outbox
    /// (<see cref="IInvalidationOutbox"/>) in its own transaction; the intent is marked sent once Redis has it.
    /// </summary>
    Task InvalidateAsync(InvalidationIntent intent);
}
