namespace EmployeeDirectory.Core.Employees;

/// <summary>One employee in the <see cref="RosterIndex"/>: the name-derived fields search and the list need.</summary>
public sealed record RosterEntry(
    int Id,
    string GivenName,
    string FamilyName,
    string DisplayName,
    string Title,
    string Department,
    string Email,
    string Location);
