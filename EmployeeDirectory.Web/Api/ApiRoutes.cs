namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Where the JSON API lives (and its OpenAPI document), so error handling, authentication challenges
/// and rate limits can tell API requests from page requests.
/// </summary>
internal static class ApiRoutes
{
    public const string Prefix = "/api";

    /// <summary>The OpenAPI document, <c>/openapi/v1.json</c>: admins only, answered like the API (401/403 problems, never a redirect).</summary>
    public const string OpenApiPrefix = "/openapi";

    public static bool IsApiRequest(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = httpContext.Request.Path;
        return path.StartsWithSegments(Prefix) || path.StartsWithSegments(OpenApiPrefix);
    }
}
