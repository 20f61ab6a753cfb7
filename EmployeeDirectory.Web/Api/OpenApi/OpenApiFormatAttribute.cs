namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// The format of a text value (<c>email</c>, <c>date-time</c>, <c>uuid</c>) the API binds as plain text, so that a
/// malformed one becomes a field error rather than an unreadable request.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiFormatAttribute(string format) : Attribute
{
    public const string Email = "email";

    public const string DateTime = "date-time";

    public const string Uuid = "uuid";

    public string Format { get; } = format;
}
