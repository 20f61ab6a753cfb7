using System.Security.Claims;
using System.Threading.RateLimiting;
using EmployeeDirectory.Web.Api;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// The API's limiter: a token bucket per caller for requests under <c>/api</c> and <c>/openapi</c>, and
/// no limit on anything else (pages, the sign-in form, health probes, the metrics scrape). It runs after
/// authentication, so a caller is their API key or account; a caller without valid credentials is their
/// client address, which also slows anyone guessing keys.
/// </summary>
internal static class ApiRateLimiter
{
    private const string Unlimited = "unlimited";

    public static PartitionedRateLimiter<HttpContext> Create(ApiLimitOptions limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(limit.Burst, 1),
            TokensPerPeriod = Math.Max(limit.PerSecond, 1),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
            limit.PerSecond == 0 || !ApiRoutes.IsApiRequest(context)
                ? RateLimitPartition.GetNoLimiter(Unlimited)
                : RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => bucket));
    }

    /// <summary>The partition a request counts against: its API key or account, else its client address (an IPv6 one by its /64).</summary>
    public static string CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        return user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? $"caller:{id}"
            : $"address:{ClientPartition.Of(context.Connection.RemoteIpAddress)}";
    }
}
