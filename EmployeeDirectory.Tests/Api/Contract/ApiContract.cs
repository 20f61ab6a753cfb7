using System.Globalization;
using System.Text.Json;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// The OpenAPI document as a contract an answer is checked against: the status must be declared for the operation
/// (never a 5xx), the content type must be one the document declares for that status, a JSON body must fit the
/// declared schema, declared required headers must be there, and every 4xx must be a problem document whose
/// status is the answer's.
/// </summary>
internal sealed class ApiContract
{
    public const string DocumentPath = "/openapi/v1.json";

    private const string ProblemMediaType = "application/problem+json";

    private ApiContract(JsonElement document)
    {
        Document = document;
        Schemas = new SchemaCheck(document);
    }

    public JsonElement Document { get; }

    public SchemaCheck Schemas { get; }

    /// <summary>Every operation of every path, in the document's order.</summary>
    public IReadOnlyList<ContractOperation> Operations =>
        [.. Document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(entry => entry.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options")
            .Select(entry => new ContractOperation(entry.Name.ToUpperInvariant(), path.Name, entry.Value)))];

    public static ApiContract Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ApiContract(document.RootElement.Clone());
    }

    /// <summary>The document the app serves now, read with <paramref name="admin"/> (it is for admins only).</summary>
    public static async Task<ApiContract> LoadAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var response = await admin.GetAsync(DocumentPath, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Every way <paramref name="response"/> contradicts what the document says <paramref name="operation"/> answers; empty when it agrees.</summary>
    public async Task<IReadOnlyList<string>> ContradictionsAsync(ContractOperation operation, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            problems.Add($"answered {status}: the API never answers 5xx to a request it can read");
        }

        var responses = operation.Definition.GetProperty("responses");
        if (!TryDeclared(responses, status, out var declared))
        {
            problems.Add($"answered {status}, which the document does not declare (it declares {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})");
            return problems;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (declared.TryGetProperty("content", out var content))
        {
            await CheckContentAsync(content, mediaType, status, response.Content, problems);
        }
        else if ((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 0)
        {
            problems.Add($"answered {status} with a body ({mediaType}), where the document declares none");
        }

        if (declared.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                var required = header.Value.TryGetProperty("required", out var flag) && flag.GetBoolean();
                if (required && !response.Headers.NonValidated.Contains(header.Name) && !response.Content.Headers.NonValidated.Contains(header.Name))
                {
                    problems.Add($"answered {status} without the {header.Name} header the document requires");
                }
            }
        }

        if (status is >= 400 and < 500 && mediaType != ProblemMediaType)
        {
            problems.Add($"answered {status} as {mediaType ?? "no content"}, not as a problem document ({ProblemMediaType})");
        }

        return problems;
    }

    private async Task CheckContentAsync(JsonElement content, string? mediaType, int status, HttpContent body, List<string> problems)
    {
        var declaredTypes = string.Join(", ", content.EnumerateObject().Select(c => c.Name));
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            problems.Add($"answered {status} as {mediaType ?? "no content"}, where the document declares {declaredTypes}");
            return;
        }

        // Only JSON bodies have a schema to check; a CSV file, a vCard or an event stream is checked by its type.
        if (mediaType != ContractOperation.JsonMediaType && !mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            return;
        }

        var text = await body.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonElement json;
        try
        {
            using var parsed = JsonDocument.Parse(text);
            json = parsed.RootElement.Clone();
        }
        catch (JsonException error)
        {
            problems.Add($"answered {status} as {mediaType} with a body that is not JSON ({error.Message}): {Shorten(text)}");
            return;
        }

        if (media.TryGetProperty("schema", out var schema))
        {
            problems.AddRange(Schemas.Check(schema, json, "body").Select(problem => $"answered {status} with {problem}: {Shorten(text)}"));
        }

        if (mediaType == ProblemMediaType && json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("status", out var problemStatus) && problemStatus.ValueKind == JsonValueKind.Number && problemStatus.GetInt32() != status)
        {
            problems.Add($"answered {status} with a problem whose status is {problemStatus.GetInt32()}");
        }
    }

    /// <summary>The response the document declares for <paramref name="status"/>: exactly, by its class (4XX), or the default.</summary>
    private static bool TryDeclared(JsonElement responses, int status, out JsonElement declared) =>
        responses.TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out declared)
        || responses.TryGetProperty($"{status / 100}XX", out declared)
        || responses.TryGetProperty("default", out declared);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
