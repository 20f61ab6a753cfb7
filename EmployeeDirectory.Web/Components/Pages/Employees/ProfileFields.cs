namespace EmployeeDirectory.Web.Components.Pages.Employees;

/// <summary>The camelCase field names the directory service keys its validation errors by.</summary>
internal static class ProfileFields
{
    public const string GivenName = "givenName";
    public const string FamilyName = "familyName";
    public const string DisplayName = "displayName";
    public const string Title = "title";
    public const string Department = "department";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Location = "location";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        GivenName, FamilyName, DisplayName, Title, Department, Email, Phone, Location,
    };
}
