using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>One employee as an export lists them: profile and status at the moment of the export.</summary>
public sealed record DirectoryExportRow(
    int Id,
    string DisplayName,
    string GivenName,
    string FamilyName,
    string Title,
    string Department,
    string Email,
    string Phone,
    string Location,
    PresenceStatus Status,
    string? Note,
    DateTimeOffset? Until,
    DateTimeOffset? ChangedAt);
