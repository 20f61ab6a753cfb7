using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// The API's problem responses. 404 and 409 are <see cref="ProblemHttpResult"/> rather than
/// <c>NotFound&lt;ProblemDetails&gt;</c>: the generic results write <c>application/json</c>, not
/// <c>application/problem+json</c> (dotnet/aspnetcore#58574).
/// </summary>
internal static class ApiProblems
{
    public const string ConcurrencyStampExtension = "concurrencyStamp";

    /// <summary>The extension a presence conflict carries the current presence in.</summary>
    public const string PresenceExtension = "presence";

    /// <summary>Seconds a 503 asks the caller to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static ProblemHttpResult EmployeeNotFound(int id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Employee not found",
            detail: $"No employee has id {id}.");

    public static ProblemHttpResult ProfileConflict(Core.Employees.EmployeeDetails? current) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The profile was changed by someone else",
            detail: "Someone saved this profile after you loaded it. Nothing was saved: reload the employee and apply your change again.",
            extensions: current is null
                ? null
                : new Dictionary<string, object?> { [ConcurrencyStampExtension] = current.Profile.ConcurrencyStamp.ToString("D") });

    /// <summary>The presence changed since the caller read it: 409 with the presence as the database holds it now.</summary>
    public static ProblemHttpResult PresenceConflict(PresenceResponse? current) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The status was changed by someone else",
            detail: "Someone changed this status after you read it. Nothing was saved: look at the current status (below) and set it again if you still mean to.",
            extensions: current is null ? null : new Dictionary<string, object?> { [PresenceExtension] = current });

    /// <summary>The database is out of reach: nothing was saved, or nothing could be read that the cache did not hold.</summary>
    public static ProblemHttpResult DatabaseUnavailable(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The directory's database is unavailable",
            detail: "The database could not be reached, so nothing was saved. Try again in a moment.");
    }

    /// <summary>Over <c>RateLimits:Presence:PerMinute</c>: 429 with <c>Retry-After</c>; nothing was saved.</summary>
    public static ProblemHttpResult TooManyStatusChanges(HttpResponse response, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many status changes",
            detail: $"This status has been changed too often in the last minute by the same caller. Nothing was saved: wait {seconds} s, then try again.");
    }

    public static ProblemHttpResult NotYourPresence(int id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed",
            detail: $"You may set only your own presence; employee {id} is someone else. Admins may set anyone's.");

    public static ValidationProblem Invalid(IEnumerable<KeyValuePair<string, string[]>> errors) =>
        TypedResults.ValidationProblem(errors);

    /// <summary>
    /// Gives an empty error response under /api (unknown route, wrong method, unreadable request when
    /// binding failures do not throw) a problem body, whatever the caller's Accept header says.
    /// </summary>
    public static Task WriteStatusCodeProblemAsync(StatusCodeContext context)
    {
        var httpContext = context.HttpContext;
        var status = httpContext.Response.StatusCode;
        return TypedResults.Problem(statusCode: status, detail: Describe(status, httpContext.Request.Method))
            .ExecuteAsync(httpContext);
    }

    public static string? Describe(int status, string method) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read: check that the body is well-formed JSON and every parameter has the expected format.",
        StatusCodes.Status401Unauthorized => "Sign in, or send a valid API key in the X-Api-Key header.",
        StatusCodes.Status403Forbidden => "You are signed in, but your role (or your API key's scopes) does not allow this.",
        StatusCodes.Status404NotFound => "No API endpoint matches this path.",
        StatusCodes.Status405MethodNotAllowed => $"This endpoint does not accept {method}.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
        _ => null,
    };
}
