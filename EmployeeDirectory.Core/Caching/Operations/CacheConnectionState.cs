namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>How one connection of the cache looks from this server.</summary>
public enum CacheConnectionState
{
    /// <summary>Redis is not configured: L1 alone serves.</summary>
    NotConfigured,

    /// <summary>Up and in use.</summary>
    Connected,

    /// <summary>Configured but unavailable: the cache serves from L1 and the database until it recovers.</summary>
    Degraded,
}
