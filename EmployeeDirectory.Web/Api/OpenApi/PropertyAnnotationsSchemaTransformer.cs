using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Gives each property of a request or response what its record declares about it. Request bodies bind their
/// values as nullable text, so that a missing or malformed value becomes a field error rather than an unreadable
/// body; the document shows what a client must send instead:
/// <list type="bullet">
/// <item><c>[Required]</c>: the property must be present, not null and (text) not empty;</item>
/// <item><see cref="OpenApiEnumAttribute"/>: the value (or each item of a list) is one of a named enum schema;</item>
/// <item><see cref="OpenApiFormatAttribute"/>: the text's format (email, date-time, uuid).</item>
/// </list>
/// Enum schemas get <c>type: string</c>, which the framework leaves out (the API reads and writes enums by name).
/// </summary>
internal sealed class PropertyAnnotationsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var typeInfo = context.JsonTypeInfo;
        if ((Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type).IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (typeInfo.Kind != JsonTypeInfoKind.Object || context.JsonPropertyInfo is not null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is null || !schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            foreach (var attribute in property.AttributeProvider.GetCustomAttributes(inherit: true).OfType<Attribute>())
            {
                switch (attribute)
                {
                    case RequiredAttribute:
                        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                        schema.Required.Add(property.Name);
                        if (propertySchema is OpenApiSchema required)
                        {
                            MakeRequired(required);
                        }

                        break;
                    case OpenApiEnumAttribute values when propertySchema is OpenApiSchema { Items: OpenApiSchema item }:
                        EnumReferencesDocumentTransformer.Mark(item, values);
                        break;
                    case OpenApiEnumAttribute values when propertySchema is OpenApiSchema text:
                        EnumReferencesDocumentTransformer.Mark(text, values);
                        break;
                    case OpenApiFormatAttribute format when propertySchema is OpenApiSchema text:
                        text.Format = format.Format;
                        break;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Not null, and text not empty (the API refuses an empty value as a missing one).</summary>
    internal static void MakeRequired(OpenApiSchema schema)
    {
        if (schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
            if (schema.Type == JsonSchemaType.String)
            {
                schema.MinLength ??= 1;
            }
        }
    }
}
