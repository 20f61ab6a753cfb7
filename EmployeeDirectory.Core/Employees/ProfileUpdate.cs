namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// A profile edit. <see cref="ConcurrencyStamp"/> is the stamp the editor loaded; if someone saved in
/// between, the edit is refused as a conflict instead of overwriting their change.
/// </summary>
public sealed record ProfileUpdate
{
    /// <summary>Longest given or family name.</summary>
    public const int MaxNameLength = 100;
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 150;
    /// <summary>Longest email address.</summary>
    public const int MaxEmailLength = 254;
    /// <summary>Longest phone number.</summary>
    public const int MaxPhoneLength = 40;
    /// <summary>Longest location.</summary>
    public const int MaxLocationLength = 100;

    /// <summary>Required.</summary>
    public string? GivenName { get; init; }
    /// <summary>Required.</summary>
    public string? FamilyName { get; init; }

    /// <summary>Optional; "Given Family" when empty.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Required.</summary>
    public string? Title { get; init; }

    /// <summary>Name of an existing department.</summary>
    public string? Department { get; init; }

    /// <summary>Required; unique across employees, case-insensitively.</summary>
    public string? Email { get; init; }
    /// <summary>Optional: digits, spaces and + - ( ) . x.</summary>
    public string? Phone { get; init; }
    /// <summary>Optional.</summary>
    public string? Location { get; init; }
    /// <summary>The stamp of the profile version the edit started from.</summary>
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
