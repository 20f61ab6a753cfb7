using System.Text.Json;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using Microsoft.AspNetCore.Diagnostics;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Turns exceptions escaping /api endpoints into problem responses: a request the framework could not
/// read keeps its 4xx status (never a 500), anything else is a logged 500 without internals.
/// Requests outside /api are left to the UI's own error handling.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiRoutes.IsApiRequest(httpContext))
        {
            return false;
        }

        var request = httpContext.Request;
        if (exception is BadHttpRequestException badRequest)
        {
            var detail = DescribeBadRequest(badRequest, request.Method);
            Log.RequestRejected(logger, request.Method, request.Path, badRequest.StatusCode, detail);
            await TypedResults.Problem(statusCode: badRequest.StatusCode, detail: detail).ExecuteAsync(httpContext);
            return true;
        }

        if (exception is DirectoryNotReadyException || DatabaseFailures.IsUnavailable(exception))
        {
            // A read the cache could not answer, with the database out of reach (or still being seeded).
            Log.DatabaseUnavailable(logger, request.Method, request.Path, exception);
            httpContext.Response.Headers.RetryAfter = ApiProblems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var problem = exception is DirectoryNotReadyException notReady
                ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The directory is being set up", detail: notReady.Message)
                : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The directory's database is unavailable", detail: "The database could not be reached and the cache does not hold what was asked for. Try again in a moment.");
            await problem.ExecuteAsync(httpContext);
            return true;
        }

        Log.UnhandledException(logger, exception, request.Method, request.Path);
        await TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                detail: "Something went wrong on our side. The error has been logged.")
            .ExecuteAsync(httpContext);
        return true;
    }

    private static string DescribeBadRequest(BadHttpRequestException exception, string method) =>
        exception.InnerException switch
        {
            JsonException { Path: { Length: > 0 } path } => $"The request body is not valid JSON for this endpoint (at {path}).",
            JsonException => "The request body is not valid JSON.",
            _ => ApiProblems.Describe(exception.StatusCode, method) ?? exception.Message,
        };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rejected {Method} {Path} with {StatusCode}: {Detail}")]
        public static partial void RequestRejected(ILogger logger, string method, PathString path, int statusCode, string detail);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Answered {Method} {Path} with 503: the database is out of reach")]
        public static partial void DatabaseUnavailable(ILogger logger, string method, PathString path, Exception error);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
        public static partial void UnhandledException(ILogger logger, Exception exception, string method, PathString path);
    }
}
