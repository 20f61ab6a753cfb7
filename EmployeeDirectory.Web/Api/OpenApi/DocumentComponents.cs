using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>Named schemas and security schemes the transformers add to the document once and refer to by name.</summary>
internal static class DocumentComponents
{
    /// <summary>A reference to the enum schema <paramref name="values"/> describes, added to the document on first use.</summary>
    public static OpenApiSchemaReference Enum(OpenApiDocument document, OpenApiEnumAttribute values)
    {
        var schemas = Schemas(document);
        if (!schemas.ContainsKey(values.Name))
        {
            document.AddComponent<IOpenApiSchema>(values.Name, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. values.Values.Select(value => (JsonNode)JsonValue.Create(value))],
            });
        }

        return new OpenApiSchemaReference(values.Name, document);
    }

    /// <summary>A reference to the schema of <paramref name="type"/>, added to the document on first use.</summary>
    public static async Task<OpenApiSchemaReference> SchemaAsync(
        OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        var name = type.Name;
        if (!Schemas(document).ContainsKey(name))
        {
            document.AddComponent<IOpenApiSchema>(name, await context.GetOrCreateSchemaAsync(type, parameterDescription: null, cancellationToken));
        }

        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>A reference to the security scheme <paramref name="name"/>, added to the document on first use.</summary>
    public static OpenApiSecuritySchemeReference SecurityScheme(OpenApiDocument document, string name, Func<OpenApiSecurityScheme> create)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
        if (document.Components.SecuritySchemes?.ContainsKey(name) != true)
        {
            document.AddComponent<IOpenApiSecurityScheme>(name, create());
        }

        return new OpenApiSecuritySchemeReference(name, document);
    }

    private static IDictionary<string, IOpenApiSchema> Schemas(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
        return document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
    }
}
