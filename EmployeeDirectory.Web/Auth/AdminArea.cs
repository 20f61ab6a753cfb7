using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Everything under <c>/admin</c> and <c>/api/admin</c> is for admins, whatever is mapped there and
/// whether or not its endpoint says so: non-admins are challenged (sign in: a redirect for pages, 401
/// for the API) or forbidden (access denied, 403) before routing's endpoint runs, and an address
/// nothing claims reveals nothing to them. Pages and endpoints there still declare
/// <c>[Authorize(Roles = DirectoryRoles.Admin)]</c> / <c>RequireAuthorization(DirectoryPolicies.Admin)</c>,
/// which also covers navigation inside a Blazor circuit; this is the net under them.
/// </summary>
internal static class AdminArea
{
    public static readonly PathString[] Prefixes = ["/admin", "/api/admin"];

    public static bool Contains(PathString path) => Prefixes.Any(prefix => path.StartsWithSegments(prefix));

    public static IApplicationBuilder UseAdminArea(this IApplicationBuilder app) =>
        app.UseWhen(context => Contains(context.Request.Path), area => area.Use(async (context, next) =>
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if ((await authorization.AuthorizeAsync(context.User, DirectoryPolicies.Admin)).Succeeded)
            {
                await next(context);
            }
            else if (context.User.Identity?.IsAuthenticated == true)
            {
                await context.ForbidAsync();
            }
            else
            {
                await context.ChallengeAsync();
            }
        }));
}
