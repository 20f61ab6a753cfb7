using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// A page that needs sign-in redirects to the login page; an API call never does: it answers 401 (not
/// signed in) or 403 (signed in, not allowed), and the API's status code handling gives it a problem body.
/// </summary>
internal static class CookieRedirects
{
    public static Task ToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ApiRoutes.IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static Task ToAccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ApiRoutes.IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
