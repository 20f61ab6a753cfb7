using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>One row of a directory page: what the list shows, without the edit-only fields.</summary>
public sealed record DirectoryRow(
    int Id,
    string DisplayName,
    string Title,
    string Department,
    string Email,
    string Location,
    EmployeeStatus Status);
