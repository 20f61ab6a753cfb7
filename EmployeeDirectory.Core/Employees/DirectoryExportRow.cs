using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>One employee as an export lists them: the roster's fields and the status at the moment of the export.</summary>
public sealed record DirectoryExportRow(
    int Id,
    string DisplayName,
    string GivenName,
    string FamilyName,
    string Title,
    string Department,
    string Email,
    string Location,
    PresenceStatus Status,
    DateTimeOffset? Until);
