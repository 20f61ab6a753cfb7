using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Gives each parameter what its handler declares about it: the enum it is one of (<see cref="OpenApiEnumAttribute"/>),
/// the integer range of a number bound as text (<see cref="OpenApiIntegerAttribute"/>), its format
/// (<see cref="OpenApiFormatAttribute"/>) and its example (<see cref="OpenApiExampleAttribute"/>).
/// </summary>
internal sealed class ParameterAnnotationsOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (Find(operation, description) is not { } parameter || AttributesOf(description) is not { } attributes)
            {
                continue;
            }

            foreach (var attribute in attributes)
            {
                Apply(parameter, attribute, document);
            }
        }

        return Task.CompletedTask;
    }

    private static void Apply(OpenApiParameter parameter, Attribute attribute, OpenApiDocument document)
    {
        switch (attribute)
        {
            case OpenApiEnumAttribute values:
                parameter.Schema = DocumentComponents.Enum(document, values);
                break;
            case OpenApiIntegerAttribute range:
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = range.Minimum.ToString(CultureInfo.InvariantCulture),
                    Maximum = range.Maximum == int.MaxValue ? null : range.Maximum.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(range.Default),
                };
                break;
            case OpenApiFormatAttribute format when parameter.Schema is OpenApiSchema schema:
                schema.Format = format.Format;
                break;
            case OpenApiExampleAttribute example:
                parameter.Example = example.ToJson();
                break;
        }
    }

    private static OpenApiParameter? Find(OpenApiOperation operation, ApiParameterDescription description)
    {
        var location = description.Source.Id switch
        {
            "Path" => ParameterLocation.Path,
            "Query" => ParameterLocation.Query,
            "Header" => ParameterLocation.Header,
            _ => (ParameterLocation?)null,
        };
        return location is null
            ? null
            : operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == location && string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The handler parameter's attributes; for a property bound with [AsParameters], the property's.</summary>
    private static IEnumerable<Attribute>? AttributesOf(ApiParameterDescription description) =>
        description.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info }
            ? info.GetCustomAttributes(inherit: true).OfType<Attribute>()
            : null;
}
