using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Turns the properties (and list items) marked with <see cref="OpenApiEnumAttribute"/> into references to their named enum schema
/// once the document is complete: the framework inlines references a schema transformer sets on a property, and a
/// generated client makes one enum type of a named schema where it would make one per property of inline ones.
/// </summary>
internal sealed class EnumReferencesDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string MetadataKey = "directory:enum";

    /// <summary>Gives <paramref name="schema"/> the values inline and marks it for a reference to <paramref name="values"/>' schema.</summary>
    public static void Mark(OpenApiSchema schema, OpenApiEnumAttribute values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        schema.Type = JsonSchemaType.String | (schema.Type ?? 0) & JsonSchemaType.Null;
        schema.Enum = [.. values.Values.Select(value => (JsonNode)JsonValue.Create(value))];
        schema.Metadata ??= new Dictionary<string, object>(StringComparer.Ordinal);
        schema.Metadata[MetadataKey] = values;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var schema in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>().ToList())
        {
            foreach (var (name, property) in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).ToList())
            {
                if (ReferenceFor(property, document) is { } reference)
                {
                    schema.Properties![name] = reference;
                }
                else if (property is OpenApiSchema { Items: { } item } list && ReferenceFor(item, document) is { } itemReference)
                {
                    list.Items = itemReference;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A reference to the enum schema <paramref name="schema"/> was marked for, keeping its description; null if unmarked.</summary>
    private static OpenApiSchemaReference? ReferenceFor(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema { Metadata: { } metadata } inline || !metadata.TryGetValue(MetadataKey, out var marked) || marked is not OpenApiEnumAttribute values)
        {
            return null;
        }

        var reference = DocumentComponents.Enum(document, values);
        reference.Description = inline.Description;
        return reference;
    }
}
