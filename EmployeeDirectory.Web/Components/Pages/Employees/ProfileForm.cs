using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Components.Pages.Employees;

/// <summary>The editable copy of a profile behind the edit form.</summary>
internal sealed class ProfileForm
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? DisplayName { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Location { get; set; }

    public static ProfileForm From(EmployeeProfile profile) => new()
    {
        GivenName = profile.GivenName,
        FamilyName = profile.FamilyName,
        DisplayName = profile.DisplayName,
        Title = profile.Title,
        Department = profile.Department,
        Email = profile.Email,
        Phone = profile.Phone,
        Location = profile.Location,
    };

    /// <summary>The whole profile as an update: every field is sent, trimmed, with empty meaning empty.</summary>
    public ProfileUpdate ToUpdate(Guid concurrencyStamp) => new()
    {
        GivenName = Clean(GivenName),
        FamilyName = Clean(FamilyName),
        DisplayName = Clean(DisplayName),
        Title = Clean(Title),
        Department = Clean(Department),
        Email = Clean(Email),
        Phone = Clean(Phone),
        Location = Clean(Location),
        ConcurrencyStamp = concurrencyStamp,
    };

    /// <summary>True when nothing was edited (blank and empty count as the same).</summary>
    public bool Matches(EmployeeProfile profile) =>
        Same(GivenName, profile.GivenName)
        && Same(FamilyName, profile.FamilyName)
        && Same(DisplayName, profile.DisplayName)
        && Same(Title, profile.Title)
        && Same(Department, profile.Department)
        && Same(Email, profile.Email)
        && Same(Phone, profile.Phone)
        && Same(Location, profile.Location);

    private static string Clean(string? value) => value?.Trim() ?? "";

    private static bool Same(string? edited, string? stored) => string.Equals(Clean(edited), Clean(stored), StringComparison.Ordinal);
}
