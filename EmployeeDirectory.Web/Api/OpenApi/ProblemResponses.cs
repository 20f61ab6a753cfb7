using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// The problem responses an operation declares: <c>application/problem+json</c> with the ProblemDetails schema
/// (HttpValidationProblemDetails for 400, whose <c>errors</c> name the fields), a description of what each status
/// means in this API, and <c>Retry-After</c> on 429 and 503.
/// </summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [StatusCodes.Status400BadRequest] = "The request breaks a rule and nothing was changed: `errors` names each field with its messages, or `detail` says what could not be read.",
        [StatusCodes.Status401Unauthorized] = "No valid credentials: send an API key in the X-Api-Key header, or sign in.",
        [StatusCodes.Status403Forbidden] = "The caller's role (or API key's scopes) does not allow this; nothing was changed.",
        [StatusCodes.Status404NotFound] = "Nothing has this id (or no route matches the path: ids are whole numbers from 1).",
        [StatusCodes.Status409Conflict] = "The change conflicts with the current state and nothing was changed; `detail` says why.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not JSON: send it with Content-Type: application/json.",
        [StatusCodes.Status429TooManyRequests] = "Over this caller's rate limit: wait the Retry-After seconds, then try again.",
        [StatusCodes.Status503ServiceUnavailable] = "The database is out of reach or the directory is still being set up; nothing was changed. Try again after Retry-After seconds.",
    };

    /// <summary>
    /// Makes <paramref name="status"/> a declared problem response of <paramref name="operation"/>, keeping a description
    /// the endpoint gave, and adds <paramref name="when"/> (a reason of this operation's own) to it.
    /// </summary>
    public static async Task EnsureAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, CancellationToken cancellationToken, string? when = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Responses ??= [];
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var declared) || declared is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses[key] = response;
        }

        var schemaType = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ContentType] = new() { Schema = await DocumentComponents.SchemaAsync(context, schemaType, cancellationToken) },
        };

        if (Meanings.TryGetValue(status, out var meaning) && (string.IsNullOrEmpty(response.Description) || IsReasonPhrase(response.Description, status)))
        {
            response.Description = meaning;
        }

        if (when is not null && response.Description?.Contains(when, StringComparison.Ordinal) != true)
        {
            response.Description = string.IsNullOrEmpty(response.Description) ? when : $"{response.Description} {when}";
        }

        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Whole seconds to wait before trying again.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
            };
        }
    }

    /// <summary>The framework describes a response by its reason phrase ("Not Found"), which says nothing this API's own words do not.</summary>
    private static bool IsReasonPhrase(string description, int status) =>
        string.Equals(description, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), StringComparison.Ordinal);
}
