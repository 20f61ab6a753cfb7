using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Shows the example of every JSON request body whose type offers one (<see cref="IOpenApiExample{TSelf}"/>),
/// written with the API's own JSON settings, so the example is exactly what the API reads.
/// </summary>
internal sealed class RequestExampleOperationTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    // Optional properties an example leaves out are left out of the JSON too, as a client would send it.
    private readonly JsonSerializerOptions exampleOptions = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
        if (body is null || operation.RequestBody?.Content is not { } content || ExampleOf(body.Type) is not { } example)
        {
            return Task.CompletedTask;
        }

        var node = JsonSerializer.SerializeToNode(example, body.Type, exampleOptions);
        foreach (var mediaType in content.Values)
        {
            mediaType.Example = node?.DeepClone();
        }

        return Task.CompletedTask;
    }

    private static object? ExampleOf(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenApiExample<>))
            ? type.GetProperty(nameof(IOpenApiExample<>.Example), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            : null;
}
