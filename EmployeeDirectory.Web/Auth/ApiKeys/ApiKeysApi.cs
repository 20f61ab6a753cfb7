using System.Diagnostics;
using System.Security.Claims;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>
/// Signed-in admins create, list and revoke API keys; no key may, whatever its scopes, so a stolen key can never
/// mint another. The key itself appears once, in the creation answer.
/// </summary>
internal static class ApiKeysApi
{
    public const string Route = ApiRoutes.Prefix + "/admin/api-keys";

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Route)
            .WithTags("API keys")
            .RequireAuthorization(DirectoryPolicies.ManageApiKeys)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Every key, active and revoked, without secrets.");

        api.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create a key with scopes and an optional expiry; the answer holds the key, shown this once. Signed-in admins only: a key cannot create keys.");

        api.MapDelete("/{id:int:min(1)}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a key: it stops working at once. Revoking a revoked key is not an error.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyResponse>>> ListAsync(
        [FromServices] ApiKeyStore keys,
        CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>([.. all.Select(ApiKeyResponse.From)]);
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateAsync(
        [FromBody] ApiKeyRequest body,
        ClaimsPrincipal user,
        [FromServices] ApiKeyStore keys,
        CancellationToken cancellationToken)
    {
        var result = await keys.CreateAsync(new ApiKeyDraft(body.Name, body.Scopes, body.EmployeeEmail, body.ExpiresAt, body.Role), ApiCaller.NameOf(user), cancellationToken);
        return result.Outcome switch
        {
            ServiceOutcome.Ok when result.Value is { } created =>
                TypedResults.Created((string?)null, new CreatedApiKeyResponse(created.Secret, ApiKeyResponse.From(created.Key))),
            ServiceOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            _ => throw new UnreachableException($"Creating an API key returned {result.Outcome}."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        [OpenApiExample(ApiExamples.ApiKeyId)] int id,
        ClaimsPrincipal user,
        [FromServices] ApiKeyStore keys,
        CancellationToken cancellationToken)
    {
        var result = await keys.RevokeAsync(id, ApiCaller.NameOf(user), cancellationToken);
        return result.IsOk
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "API key not found", detail: $"No API key has id {id}.");
    }
}
