namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint answers <see cref="StatusCode"/> as a problem for a reason of its own, beyond
/// what the status means everywhere in the API (<see cref="ProblemResponses"/>); the document adds
/// <see cref="When"/> to that response's description.
/// </summary>
public sealed record ProblemWhen(int StatusCode, string When);

/// <summary>Declares a problem response an endpoint gives for a reason of its own.</summary>
public static class ProblemWhenExtensions
{
    /// <summary>The endpoint answers <paramref name="statusCode"/> as a problem also <paramref name="when"/> (a sentence).</summary>
    public static RouteHandlerBuilder ProducesProblemWhen(this RouteHandlerBuilder builder, int statusCode, string when)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ProducesProblem(statusCode).WithMetadata(new ProblemWhen(statusCode, when));
    }
}
