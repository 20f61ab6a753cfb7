namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// A whole number the API binds as text (so that "abc" becomes a field error), shown in the OpenAPI document as
/// the integer it must be, with its range and the value taken when it is left out.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiIntegerAttribute(int minimum, int maximum, int defaultValue) : Attribute
{
    public int Minimum { get; } = minimum;

    /// <summary>The largest accepted value; <see cref="int.MaxValue"/> when only the type limits it.</summary>
    public int Maximum { get; } = maximum;

    public int Default { get; } = defaultValue;
}
