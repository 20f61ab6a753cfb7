namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// A text value the API accepts only from a closed set. The API binds such values as text (so a bad one becomes a
/// field error, not an unreadable request); the OpenAPI document shows the set as a named enum schema,
/// <c>components/schemas/{Name}</c>, which generated clients turn into an enum type.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiEnumAttribute : Attribute
{
    /// <summary>The names of <paramref name="enumType"/>'s members, under the enum's own name.</summary>
    public OpenApiEnumAttribute(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        Name = enumType.Name;
        Values = Enum.GetNames(enumType);
    }

    /// <summary><paramref name="values"/> under the schema name <paramref name="name"/> (for sets that are not a C# enum).</summary>
    public OpenApiEnumAttribute(string name, params string[] values)
    {
        Name = name;
        Values = values;
    }

    /// <summary>The schema's name in <c>components/schemas</c>.</summary>
    public string Name { get; }

    /// <summary>Every accepted value, as the API writes it.</summary>
    public IReadOnlyList<string> Values { get; }
}
