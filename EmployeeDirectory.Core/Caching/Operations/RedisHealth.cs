namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>Redis as this server sees it right now, for readiness probes and the console.</summary>
/// <param name="State">Not configured, connected and in use, or degraded.</param>
/// <param name="Summary">One sentence for people: what works and what does not.</param>
/// <param name="Subscribed">True while this server hears other servers' invalidations.</param>
/// <param name="BreakerOpen">True while the circuit breaker keeps requests away from Redis.</param>
/// <param name="PingLatency">The round trip of a PING, when one was answered.</param>
/// <param name="FollowingOutbox">True while this server may have missed invalidations and its reads check the outbox first.</param>
public sealed record RedisHealth(CacheConnectionState State, string Summary, bool Subscribed, bool BreakerOpen, TimeSpan? PingLatency, bool FollowingOutbox = false);
