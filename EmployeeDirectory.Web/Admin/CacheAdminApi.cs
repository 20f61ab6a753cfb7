using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployeeDirectory.Web.Admin;

/// <summary><c>POST /api/admin/cache/reset</c>: the cache console's reset, for scripts (after a database restore, say).</summary>
internal static class CacheAdminApi
{
    public const string ResetPath = "/api/admin/cache/reset";

    public static RouteHandlerBuilder MapCacheAdminApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(ResetPath, ResetAsync)
            .RequireAuthorization(DirectoryPolicies.Admin)
            .WithTags("Cache")
            .WithName("ResetCache")
            .WithSummary("Move the cache to a new generation on every server: nothing cached before is read again (admins only).")
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<CacheResetResponse>, ProblemHttpResult>> ResetAsync(ICacheOperator cache, CancellationToken cancellationToken)
    {
        var reset = await cache.ResetAsync(cancellationToken);
        return reset.Succeeded
            ? TypedResults.Ok(new CacheResetResponse(reset.Value))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The cache cannot be reset", detail: reset.Problem);
    }
}

/// <summary>The generation the cache moved to.</summary>
internal sealed record CacheResetResponse(long Generation);
