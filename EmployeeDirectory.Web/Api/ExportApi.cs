using System.ComponentModel.DataAnnotations;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Api.OpenApi;
using EmployeeDirectory.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Api;

/// <summary>Files for other programs: the directory as CSV (the list's filters, streamed) and one employee as a vCard.</summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/employees/export.csv", ExportCsvAsync)
            .WithName("ExportEmployeesCsv")
            .WithSummary("Every employee the search matches (q, department, status, sort as GET /api/employees), as CSV with a header row. One export at a time per caller.")
            .Produces<Stream>(StatusCodes.Status200OK, EmployeeCsv.ContentType)
            .RequireAuthorization(Auth.DirectoryPolicies.ReadDirectory)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblemWhen(
                StatusCodes.Status429TooManyRequests,
                "Also when this caller's previous export is still being written, or the server is writing as many as it takes at once (RateLimits:Export:PerReplica).")
            .ProducesValidationProblem();

        api.MapGet("/employees/{id:int:min(1)}/vcard", GetVCardAsync)
            .WithName("GetEmployeeVCard")
            .WithSummary("One employee as a vCard 4.0 (name, title, department, email, phone, location).")
            .Produces<Stream>(StatusCodes.Status200OK, VCard.ContentType)
            .RequireAuthorization(Auth.DirectoryPolicies.ReadDirectory)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<EmployeeCsv, ValidationProblem, ProblemHttpResult>> ExportCsvAsync(
        [FromQuery(Name = "q"), MaxLength(DirectoryQuery.MaxTextLength), OpenApiExample("ann")] string? q,
        [FromQuery(Name = "department"), MaxLength(DirectoryQuery.MaxTextLength), OpenApiExample("Engineering")] string? department,
        [FromQuery(Name = "status"), OpenApiEnum(typeof(PresenceStatus)), OpenApiExample(nameof(PresenceStatus.In))] string? status,
        [FromQuery(Name = "sort"), OpenApiEnum(typeof(DirectorySort)), OpenApiExample(nameof(DirectorySort.Department))] string? sort,
        HttpContext context,
        [FromServices] IDirectoryExport export,
        [FromServices] ExportLimit limit,
        CancellationToken cancellationToken)
    {
        var parameters = new EmployeeSearchParameters { Q = q, Department = department, Status = status, Sort = sort };
        if (!parameters.TryGetQuery(out var query, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        // Held until the response is done, so until the last row is written.
        if (limit.TryStart(ApiRateLimiter.CallerOf(context)) is not { } lease)
        {
            context.Response.Headers.RetryAfter = ExportLimit.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "An export is already running",
                detail: "Each caller runs one export at a time, and each server a few for everyone. Wait for the running export to finish, then try again.");
        }

        context.Response.RegisterForDispose(lease);
        var result = await export.ExportAsync(query, cancellationToken);
        return result.IsOk ? new EmployeeCsv(result.Value!) : ApiProblems.Invalid(result.Errors);
    }

    private static async Task<Results<VCard, ProblemHttpResult>> GetVCardAsync(
        [OpenApiExample(ApiExamples.EmployeeId)] int id,
        [FromServices] IDirectoryService directory,
        CancellationToken cancellationToken)
    {
        var employee = await directory.GetEmployeeAsync(id, cancellationToken);
        return employee is null ? ApiProblems.EmployeeNotFound(id) : new VCard(employee.Profile);
    }
}
