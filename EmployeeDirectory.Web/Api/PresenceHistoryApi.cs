using System.ComponentModel;
using System.Security.Claims;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// An employee's status history over JSON, newest first; any caller who may read the directory may read it, with
/// notes and who made each change only for the person themself and admins (<see cref="StatusPrivacy"/>).
/// </summary>
internal static class PresenceHistoryApi
{
    public static RouteGroupBuilder MapPresenceHistoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/employees/{id:int:min(1)}/presence/history", GetHistoryAsync)
            .WithName("GetPresenceHistory")
            .WithSummary("An employee's status changes, newest first: from, to, note, until, at, by and source (UI, API or expiry). Note and by are null unless you are the employee or an admin (or Privacy:ShowStatusHistoryToEveryone is on).")
            .RequireAuthorization(Auth.DirectoryPolicies.ReadDirectory)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PresenceHistoryResponse>, ValidationProblem, ProblemHttpResult>> GetHistoryAsync(
        [OpenApiExample(ApiExamples.EmployeeId)] int id,
        [FromQuery(Name = "page"), Description("1-based page number."), OpenApiInteger(1, int.MaxValue, 1), OpenApiExample(1)] string? page,
        [FromQuery(Name = "pageSize"), Description("Changes per page."), OpenApiInteger(1, PresenceHistoryPage.MaxPageSize, PresenceHistoryPage.DefaultPageSize), OpenApiExample(10)] string? pageSize,
        ClaimsPrincipal user,
        [FromServices] IPresenceHistory history,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = PagingParameters.ParseWholeNumber(page, "page", 1, errors);
        var size = PagingParameters.ParseWholeNumber(pageSize, "pageSize", PresenceHistoryPage.DefaultPageSize, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await history.GetHistoryAsync(id, pageNumber, size, Auth.DirectoryClaims.ActorOf(user), cancellationToken);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => TypedResults.Ok(result.Value!.ToResponse()),
            ServiceOutcome.NotFound => ApiProblems.EmployeeNotFound(id),
            _ => ApiProblems.Invalid(result.Errors),
        };
    }
}
