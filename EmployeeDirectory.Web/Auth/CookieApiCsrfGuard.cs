using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Antiforgery;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// An unsafe API call (POST, PUT, PATCH, DELETE) signed in by the sign-in cookie must carry an
/// <c>X-Requested-With</c> header or a valid antiforgery token (the <c>RequestVerificationToken</c> header): the
/// cookie is SameSite=Lax, so a page on another site cannot make a browser send it, but a page on a sibling
/// subdomain (same site) can, and neither it nor any other origin can add a custom header without CORS, which the
/// app does not allow. Without either the call is a 400 problem and nothing runs. API keys are not cookies and need
/// neither; reads change nothing and need neither. Runs after authentication.
/// </summary>
internal static class CookieApiCsrfGuard
{
    public const string HeaderName = "X-Requested-With";

    public static IApplicationBuilder UseCookieApiCsrfGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!NeedsProof(context) || context.Request.Headers.ContainsKey(HeaderName)
                || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await next(context);
                return;
            }

            await TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Cross-site request refused",
                    detail: $"A {context.Request.Method} to the API signed in by the sign-in cookie must carry an {HeaderName} header (any value) "
                        + "or an antiforgery token in the RequestVerificationToken header, which a page on another site cannot add. "
                        + $"Nothing was changed. Scripts and devices should use an API key ({ApiKeyDefaults.HeaderName}), which needs neither.")
                .ExecuteAsync(context);
        });

    private static bool NeedsProof(HttpContext context)
    {
        var request = context.Request;
        return ApiRoutes.IsApiRequest(context)
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && !request.Headers.ContainsKey(ApiKeyDefaults.HeaderName)
            && context.User.Identity?.IsAuthenticated == true;
    }
}
