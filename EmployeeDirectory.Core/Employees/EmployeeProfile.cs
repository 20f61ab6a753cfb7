namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The slow-changing half of an employee, cached under the Profile policy
/// (<c>employee:{id}:profile</c>). <see cref="ConcurrencyStamp"/> changes on every profile save.
/// </summary>
public sealed record EmployeeProfile(
    int Id,
    string GivenName,
    string FamilyName,
    string DisplayName,
    string Title,
    int DepartmentId,
    string Department,
    string Email,
    string Phone,
    string Location,
    Guid ConcurrencyStamp);
