using System.Globalization;
using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Redis, when configured. Registered with failure status Degraded: without Redis the app still serves
/// from L1 and the database and writes still commit, so the server should stay in rotation.
/// </summary>
internal sealed partial class RedisHealthCheck(IConnectionMultiplexer redis, FieldCache cache, ILogger<RedisHealthCheck> logger) : IHealthCheck
{
    private const string Fallback = "reads are served from L1 and the database, writes still commit";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration.FailureStatus;
        var data = new Dictionary<string, object>
        {
            ["invalidationChannel"] = cache.IsInvalidationChannelConnected ? "subscribed" : "not subscribed",
            ["circuitBreaker"] = cache.IsRedisDegraded ? "open" : "closed",
        };

        if (!redis.IsConnected)
        {
            return new HealthCheckResult(failure, $"Redis is unreachable: {Fallback}.", data: data);
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            data["pingMs"] = Math.Round(latency.TotalMilliseconds, 3).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            Log.PingFailed(logger, error);
            return new HealthCheckResult(failure, $"Redis does not answer PING: {Fallback}.", data: data);
        }

        if (cache.IsRedisDegraded && !await cache.ProbeRedisAsync().WaitAsync(cancellationToken))
        {
            return new HealthCheckResult(failure, $"Redis answers, but the cache's circuit breaker is still open: {Fallback}.", data: data);
        }

        return cache.IsInvalidationChannelConnected
            ? HealthCheckResult.Healthy("Redis answers and this server is subscribed to invalidations.", data)
            : new HealthCheckResult(failure, "Redis answers, but this server is not subscribed to the invalidation channel: its L1 copies may outlive other servers' writes until the L1 cap.", data: data);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Readiness: Redis did not answer PING")]
        public static partial void PingFailed(ILogger logger, Exception error);
    }
}
