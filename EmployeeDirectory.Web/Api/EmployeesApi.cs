using System.Diagnostics;
using System.Security.Claims;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Api.OpenApi;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Search, read and edit employees over JSON: a thin shell over the Core services. Every route needs a
/// signed-in caller (cookie or API key); reading needs <see cref="DirectoryPolicies.ReadDirectory"/> (any account,
/// a key with <c>directory:read</c>), editing a profile <see cref="DirectoryPolicies.EditProfiles"/>, and setting
/// presence the employee themself or an admin (or a <c>presence:write</c> key), which the presence service decides.
/// "Changed by" is shown only to the employee themself and admins (<see cref="StatusPrivacy"/>).
/// </summary>
internal static class EmployeesApi
{
    public static RouteGroupBuilder MapEmployeesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix)
            .WithTags("Employees")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/employees", SearchEmployeesAsync)
            .WithName("SearchEmployees")
            .WithSummary("Search the directory, one page at a time.")
            .RequireAuthorization(DirectoryPolicies.ReadDirectory);

        api.MapGet("/employees/{id:int:min(1)}", GetEmployeeAsync)
            .WithName("GetEmployee")
            .WithSummary("One employee with profile, presence and concurrency stamp.")
            .RequireAuthorization(DirectoryPolicies.ReadDirectory)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/employees/{id:int:min(1)}", UpdateProfileAsync)
            .WithName("UpdateProfile")
            .WithSummary("Replace an employee's profile (admins, or keys with profile:write); refused with 409 if someone saved since the stamp was read.")
            .RequireAuthorization(DirectoryPolicies.EditProfiles)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("/employees/{id:int:min(1)}/presence", SetPresenceAsync)
            .WithName("SetPresence")
            .WithSummary("Set an employee's In/Out status, note and optional back-at time (until): your own (an account, or a key that names you), or anyone's as an admin or with presence:write; refused with 409 if expectedStamp is stale.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblemWhen(
                StatusCodes.Status429TooManyRequests,
                "Also when this caller has changed this employee's status too often in the last minute (RateLimits:Presence:PerMinute, 10 by default); nothing was saved.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/departments", GetDepartmentsAsync)
            .WithName("GetDepartments")
            .WithSummary("All departments with head counts.")
            .RequireAuthorization(DirectoryPolicies.ReadDirectory);

        api.MapPresenceHistoryApi();
        api.MapRollCallApi();
        api.MapExportApi();
        return api;
    }

    private static async Task<Results<Ok<EmployeePageResponse>, ValidationProblem>> SearchEmployeesAsync(
        [AsParameters] EmployeeSearchParameters parameters,
        ClaimsPrincipal user,
        [FromServices] IDirectoryService directory,
        [FromServices] StatusPrivacy privacy,
        CancellationToken cancellationToken)
    {
        if (!parameters.TryGetQuery(out var query, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await directory.SearchAsync(query, cancellationToken);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => TypedResults.Ok(privacy.ForViewer(result.Value!, DirectoryClaims.ActorOf(user)).ToResponse()),
            ServiceOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            _ => throw Unexpected(nameof(IDirectoryService.SearchAsync), result.Outcome),
        };
    }

    private static async Task<Results<Ok<EmployeeResponse>, ProblemHttpResult>> GetEmployeeAsync(
        [OpenApiExample(ApiExamples.EmployeeId)] int id,
        ClaimsPrincipal user,
        [FromServices] IDirectoryService directory,
        [FromServices] StatusPrivacy privacy,
        CancellationToken cancellationToken)
    {
        var employee = await directory.GetEmployeeAsync(id, cancellationToken);
        return employee is null
            ? ApiProblems.EmployeeNotFound(id)
            : TypedResults.Ok(privacy.ForViewer(employee, DirectoryClaims.ActorOf(user)).ToResponse());
    }

    private static async Task<Ok<IReadOnlyList<DepartmentResponse>>> GetDepartmentsAsync(
        [FromServices] IDirectoryService directory,
        CancellationToken cancellationToken)
    {
        var departments = await directory.GetDepartmentsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DepartmentResponse>>([.. departments.Select(d => d.ToResponse())]);
    }

    private static async Task<Results<Ok<PresenceResponse>, ValidationProblem, ProblemHttpResult>> SetPresenceAsync(
        [OpenApiExample(ApiExamples.EmployeeId)] int id,
        [FromBody] PresenceRequest body,
        ClaimsPrincipal user,
        HttpResponse response,
        [FromServices] IPresenceService presence,
        [FromServices] StatusPrivacy privacy,
        CancellationToken cancellationToken)
    {
        if (!body.TryGetUpdate(out var update, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        // The presence service decides who may set whose status, for the API, the pages and keys alike.
        var actor = DirectoryClaims.ActorOf(user);
        var result = await presence.SetPresenceAsync(id, update, actor, cancellationToken);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => TypedResults.Ok(privacy.ForViewer(result.Value!, actor).ToResponse()),
            ServiceOutcome.Forbidden => ApiProblems.NotYourPresence(id),
            ServiceOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            ServiceOutcome.NotFound => ApiProblems.EmployeeNotFound(id),
            ServiceOutcome.Conflict => ApiProblems.PresenceConflict(result.Value is { } current ? privacy.ForViewer(current, actor).ToResponse() : null),
            ServiceOutcome.Unavailable => ApiProblems.DatabaseUnavailable(response),
            ServiceOutcome.Throttled => ApiProblems.TooManyStatusChanges(response, result.RetryAfter),
            _ => throw Unexpected(nameof(IPresenceService.SetPresenceAsync), result.Outcome),
        };
    }

    private static async Task<Results<Ok<EmployeeResponse>, ValidationProblem, ProblemHttpResult>> UpdateProfileAsync(
        [OpenApiExample(ApiExamples.EmployeeId)] int id,
        [FromBody] ProfileRequest body,
        ClaimsPrincipal user,
        HttpResponse response,
        [FromServices] IDirectoryService directory,
        [FromServices] StatusPrivacy privacy,
        CancellationToken cancellationToken)
    {
        if (!body.TryGetUpdate(out var update, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await directory.UpdateProfileAsync(id, update, cancellationToken);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => TypedResults.Ok(privacy.ForViewer(result.Value!, DirectoryClaims.ActorOf(user)).ToResponse()),
            ServiceOutcome.Invalid => ApiProblems.Invalid(result.Errors),
            ServiceOutcome.NotFound => ApiProblems.EmployeeNotFound(id),
            ServiceOutcome.Conflict => ApiProblems.ProfileConflict(result.Value),
            ServiceOutcome.Unavailable => ApiProblems.DatabaseUnavailable(response),
            _ => throw Unexpected(nameof(IDirectoryService.UpdateProfileAsync), result.Outcome),
        };
    }

    private static UnreachableException Unexpected(string operation, ServiceOutcome outcome) =>
        new($"{operation} returned {outcome}, which this endpoint does not expect.");
}
