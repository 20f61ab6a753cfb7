using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Every problem this API writes has a title and the status it was answered with (RFC 9457 leaves both
/// optional); the document says so, so a client may rely on them. Other members (<c>concurrencyStamp</c>,
/// <c>presence</c>, <c>traceId</c>) are extensions some problems carry.
/// </summary>
internal sealed class ProblemDetailsSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly string[] AlwaysPresent = ["title", "status"];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || schema.Properties is null
            || (type != typeof(ProblemDetails) && type != typeof(HttpValidationProblemDetails)))
        {
            return Task.CompletedTask;
        }

        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in AlwaysPresent)
        {
            schema.Required.Add(name);
            if (schema.Properties.TryGetValue(name, out var property) && property is OpenApiSchema present)
            {
                PropertyAnnotationsSchemaTransformer.MakeRequired(present);
            }
        }

        return Task.CompletedTask;
    }
}
