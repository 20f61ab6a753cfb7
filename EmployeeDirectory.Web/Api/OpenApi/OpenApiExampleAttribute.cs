using System.Text.Json.Nodes;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>An example of a parameter's value, shown in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiExampleAttribute : Attribute
{
    private readonly JsonValue value;

    public OpenApiExampleAttribute(int value) => this.value = JsonValue.Create(value);

    public OpenApiExampleAttribute(string value) => this.value = JsonValue.Create(value);

    /// <summary>The example as the JSON value the document shows (a number or a string).</summary>
    public JsonNode ToJson() => value.DeepClone();
}
