namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// A profile edit. <see cref="ConcurrencyStamp"/> is the stamp the editor loaded; if someone saved in
/// between, the edit is refused as a conflict instead of overwriting their change.
/// </summary>
public sealed record ProfileUpdate
{
    public const int MaxNameLength = 100;
    public const int MaxTitleLength = 150;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 40;
    public const int MaxLocationLength = 100;

    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }

    /// <summary>Optional; "Given Family" when empty.</summary>
    public string? DisplayName { get; init; }

    public string? Title { get; init; }

    /// <summary>Name of an existing department.</summary>
    public string? Department { get; init; }

    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Location { get; init; }
    public Guid ConcurrencyStamp { get; init; }

    /// <summary>An update that re-saves <paramref name="profile"/> as it is; change fields with <c>with</c>.</summary>
    public static ProfileUpdate From(EmployeeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ProfileUpdate
        {
            GivenName = profile.GivenName,
            FamilyName = profile.FamilyName,
            DisplayName = profile.DisplayName,
            Title = profile.Title,
            Department = profile.Department,
            Email = profile.Email,
            Phone = profile.Phone,
            Location = profile.Location,
            ConcurrencyStamp = profile.ConcurrencyStamp,
        };
    }
}
