using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>Admins unlock sign-in accounts (the same as the <c>unlock-account</c> command).</summary>
internal static class AccountsApi
{
    public const string Route = ApiRoutes.Prefix + "/admin/accounts";

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Route)
            .WithTags("Accounts")
            .RequireAuthorization(DirectoryPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/unlock", UnlockAsync)
            .WithName("UnlockAccount")
            .WithSummary("End an account's lockout and clear its failed sign-in attempts, so it can sign in at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnlockAsync(
        [FromBody] UnlockAccountRequest body,
        ClaimsPrincipal user,
        [FromServices] AccountProvisioner accounts)
    {
        if (!AccountEmail.IsValid(body.Email))
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]>
            {
                ["email"] = ["Email is required: the account's address, like name@example.com."],
            });
        }

        return await accounts.UnlockAsync(body.Email!, ApiCaller.NameOf(user))
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: $"No account has the email {body.Email!.Trim()}.");
    }
}

/// <summary>Body of <c>POST /api/admin/accounts/unlock</c>.</summary>
internal sealed record UnlockAccountRequest(
    [property: Description("The account's email address."), Required, OpenApiFormat(OpenApiFormatAttribute.Email)] string? Email)
    : IOpenApiExample<UnlockAccountRequest>
{
    public static UnlockAccountRequest Example => new("ada.lovelace@example.com");
}
