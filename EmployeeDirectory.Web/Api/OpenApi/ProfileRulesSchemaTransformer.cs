using EmployeeDirectory.Core.Employees;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// The profile body's fields as <see cref="ProfileRules"/> has them, the same rules the directory service and the
/// edit form apply: which fields are required and how long each may be. The email's format is the field's meaning.
/// </summary>
internal sealed class ProfileRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type != typeof(ProfileRequest) || context.JsonPropertyInfo is not null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in ProfileFields.All)
        {
            if (!schema.Properties.TryGetValue(field, out var declared) || declared is not OpenApiSchema property)
            {
                throw new InvalidOperationException($"The profile body has no property {field}, which ProfileFields names.");
            }

            property.MaxLength = ProfileRules.MaxLengthOf(field);
            if (field == ProfileFields.Email)
            {
                property.Format = OpenApiFormatAttribute.Email;
            }

            if (ProfileRules.IsRequired(field))
            {
                schema.Required.Add(field);
                PropertyAnnotationsSchemaTransformer.MakeRequired(property);
            }
            else
            {
                schema.Required.Remove(field);
            }
        }

        return Task.CompletedTask;
    }
}
