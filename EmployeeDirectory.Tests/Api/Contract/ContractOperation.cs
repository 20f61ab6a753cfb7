using System.Text.Json;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>One parameter of an operation, as the document declares it (its schema with references left in).</summary>
internal sealed record ContractParameter(string Name, string In, bool Required, JsonElement Schema, JsonElement? Example);

/// <summary>One operation of the document: its method, its path template and its definition.</summary>
internal sealed record ContractOperation(string Method, string Path, JsonElement Definition)
{
    public const string JsonMediaType = "application/json";

    public string Id => Definition.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{Method} {Path}";

    public IReadOnlyList<ContractParameter> Parameters =>
        Definition.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Select(p => new ContractParameter(
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.GetProperty("schema"),
                p.TryGetProperty("example", out var example) ? example : null))]
            : [];

    /// <summary>The request body's JSON media type (its schema and example), if the operation takes one.</summary>
    public JsonElement? JsonBody =>
        Definition.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty(JsonMediaType, out var media)
            ? media
            : null;

    /// <summary>
    /// The scopes the operation's API-key alternative names (empty: any key); null when the document offers no
    /// API-key alternative (only a signed-in account may call it).
    /// </summary>
    public IReadOnlyList<string>? ApiKeyScopes =>
        Definition.TryGetProperty("security", out var security)
            ? security.EnumerateArray()
                .Where(requirement => requirement.TryGetProperty("apiKey", out _))
                .Select(requirement => (IReadOnlyList<string>)[.. requirement.GetProperty("apiKey").EnumerateArray().Select(scope => scope.GetString()!)])
                .FirstOrDefault()
            : [];

    public override string ToString() => $"{Method} {Path} ({Id})";
}
