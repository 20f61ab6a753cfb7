using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>One employee as the employee page and <c>GET /api/employees/{id}</c> show it.</summary>
public sealed record EmployeeDetails(EmployeeProfile Profile, EmployeeStatus Status);
