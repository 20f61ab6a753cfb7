using System.Globalization;
using EmployeeDirectory.Core.Caching.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Redis, when configured. Registered with failure status Degraded: without Redis the app still serves
/// from L1 and the database and writes still commit, so the server should stay in rotation.
/// </summary>
internal sealed partial class RedisHealthCheck(ICacheOperator cache, ILogger<RedisHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var redis = await cache.CheckRedisAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["invalidationChannel"] = redis.Subscribed ? "subscribed" : "not subscribed",
            ["circuitBreaker"] = redis.BreakerOpen ? "open" : "closed",
            ["outbox"] = redis.FollowingOutbox ? "following" : "caught up",
        };
        if (redis.PingLatency is { } latency)
        {
            data["pingMs"] = Math.Round(latency.TotalMilliseconds, 3).ToString(CultureInfo.InvariantCulture);
        }

        if (redis.State == CacheConnectionState.Degraded)
        {
            Log.RedisDegraded(logger, redis.Summary);
            return new HealthCheckResult(context.Registration.FailureStatus, redis.Summary, data: data);
        }

        return HealthCheckResult.Healthy(redis.Summary, data);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Readiness: {Summary}")]
        public static partial void RedisDegraded(ILogger logger, string summary);
    }
}
