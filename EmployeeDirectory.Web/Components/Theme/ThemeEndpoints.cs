namespace EmployeeDirectory.Web.Components.Theme;

/// <summary>Serves the theme's stylesheet: anyone may have it (the sign-in page needs it), and a new theme is a new URL.</summary>
internal static class ThemeEndpoints
{
    public const string Path = "/theme.css";

    public static IEndpointConventionBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, ThemeStylesheet theme) =>
            {
                var version = await theme.VersionAsync();
                context.Response.Headers.CacheControl = context.Request.Query["v"] == version
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                context.Response.Headers.ETag = $"\"{version}\"";
                if (context.Request.Headers.IfNoneMatch == $"\"{version}\"")
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Text(await theme.CssAsync(), "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
