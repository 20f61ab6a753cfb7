using EmployeeDirectory.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Sign-out: a form POST (never a GET, which any image tag could trigger). Binding the form makes the
/// endpoint require a valid antiforgery token; a post without one is a 400 and signs nobody out.
/// </summary>
internal static class AccountEndpoints
{
    public static RouteHandlerBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(AccountPaths.Logout, SignOutAsync)
            .WithName("SignOut")
            .ExcludeFromDescription();

    private static async Task<RedirectHttpResult> SignOutAsync(
        [FromForm(Name = "returnUrl")] string? returnUrl,
        [FromServices] SignInManager<DirectoryUser> signIn)
    {
        await signIn.SignOutAsync();
        var login = LocalUrl.IsLocal(returnUrl)
            ? $"{AccountPaths.Login}?{AccountPaths.ReturnUrlParameter}={Uri.EscapeDataString(returnUrl!)}"
            : AccountPaths.Login;
        return TypedResults.LocalRedirect(login);
    }
}
