namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>
/// The operator's side of the cache (the admin console, health checks): what is configured, what is live,
/// how it performs, and the evict and clear actions. Redis trouble comes back as results, never as
/// exceptions of the Redis client.
/// </summary>
public interface ICacheOperator
{
    /// <summary>The key space: the contract's policies and families under this deployment's prefix.</summary>
    CacheKeySpace Keys { get; }

    /// <summary>Each policy's effective settings.</summary>
    CachePolicies Policies { get; }

    /// <summary>Running totals since this server started.</summary>
    CacheStatistics Statistics { get; }

    /// <summary>True when Redis is configured (L2 and pub/sub in use).</summary>
    bool HasRedis { get; }

    /// <summary>True when the cache keeps its generation with the data, so <see cref="ResetAsync"/> can move it.</summary>
    bool CanReset { get; }

    /// <summary>The Redis connection as the cache uses it.</summary>
    CacheConnectionState RedisState { get; }

    /// <summary>The invalidation channel: connected while this server hears other servers' writes.</summary>
    CacheConnectionState InvalidationChannelState { get; }

    /// <summary>Raised as this server evicts keys from its L1 (its own writes and other servers'), for live views of evictions.</summary>
    event EventHandler<CacheInvalidatedEventArgs>? Evicted;

    /// <summary>Redis keys driven by SCAN (never KEYS): each call resumes where <see cref="CacheEntryQuery.Cursor"/> left off.</summary>
    Task<OperatorResult<CacheEntryPage>> ListRedisAsync(CacheEntryQuery query, CancellationToken cancellationToken = default);

    /// <summary>This server's L1, sorted by key; the cursor is an offset into that order.</summary>
    Task<CacheEntryPage> ListLocalAsync(CacheEntryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Evicts one key from Redis and every server's L1. With Redis out of reach its delete is owed and delivered on recovery.</summary>
    Task EvictAsync(string key);

    /// <summary>Evicts every key of one policy from Redis (SCAN, then batch by batch) and every L1; the value is how many Redis keys were removed.</summary>
    Task<OperatorResult<long>> ClearPolicyAsync(CachePolicy policy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the cache to a new generation: the data records it, this server and (by announcement) every other
    /// switch to its keys at once, and nothing cached before is read again (it expires in Redis by itself).
    /// The value is the new generation; a cache that keeps no generation with its data says so as a problem.
    /// </summary>
    Task<OperatorResult<long>> ResetAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks Redis now: connection, a PING through the circuit breaker (which lets an idle server find Redis back), the subscription.</summary>
    Task<RedisHealth> CheckRedisAsync(CancellationToken cancellationToken = default);
}
