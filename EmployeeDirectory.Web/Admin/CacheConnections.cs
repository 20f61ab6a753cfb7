using EmployeeDirectory.Core.Caching;

namespace EmployeeDirectory.Web.Admin;

/// <summary>Reads the connection states off the field cache.</summary>
public static class CacheConnections
{
    public static CacheConnectionState Redis(FieldCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return !cache.HasRedis ? CacheConnectionState.NotConfigured
            : cache.IsRedisDegraded ? CacheConnectionState.Degraded
            : CacheConnectionState.Connected;
    }

    public static CacheConnectionState PubSub(FieldCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return !cache.HasRedis ? CacheConnectionState.NotConfigured
            : cache.IsInvalidationChannelConnected ? CacheConnectionState.Connected
            : CacheConnectionState.Degraded;
    }
}
