namespace EmployeeDirectory.Core.Employees;

/// <summary>The camelCase names of the profile fields, as the API, the form and validation errors use them.</summary>
public static class ProfileFields
{
    /// <summary>Given name.</summary>
    public const string GivenName = "givenName";

    /// <summary>Family name.</summary>
    public const string FamilyName = "familyName";

    /// <summary>Display name.</summary>
    public const string DisplayName = "displayName";

    /// <summary>Title.</summary>
    public const string Title = "title";

    /// <summary>Department (by name).</summary>
    public const string Department = "department";

    /// <summary>Email.</summary>
    public const string Email = "email";

    /// <summary>Phone.</summary>
    public const string Phone = "phone";

    /// <summary>Location.</summary>
    public const string Location = "location";

    /// <summary>Every profile field.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        GivenName, FamilyName, DisplayName, Title, Department, Email, Phone, Location,
    };
}
