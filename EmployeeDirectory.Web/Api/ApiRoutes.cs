namespace EmployeeDirectory.Web.Api;

/// <summary>Where the JSON API lives, so error handling can tell API requests from page requests.</summary>
internal static class ApiRoutes
{
    public const string Prefix = "/api";

    public static bool IsApiRequest(HttpContext httpContext) => httpContext.Request.Path.StartsWithSegments(Prefix);
}
