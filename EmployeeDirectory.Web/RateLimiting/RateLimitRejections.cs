using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>What an API caller over its limit gets: 429 with <c>Retry-After</c> and a problem body saying why.</summary>
internal static class RateLimitRejections
{
    public static ValueTask WriteApiProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = RetryAfterSeconds(context.Lease);
        var httpContext = context.HttpContext;
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This API key or account has sent more requests than its limit allows. Wait {seconds} s, then try again.")
            .ExecuteAsync(httpContext));
    }

    /// <summary>Whole seconds until the limiter can grant a permit again (at least 1).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
    }
}
