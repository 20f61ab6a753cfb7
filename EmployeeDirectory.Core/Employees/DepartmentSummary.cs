namespace EmployeeDirectory.Core.Employees;

/// <summary>A department with its head count, for filters and <c>GET /api/departments</c>.</summary>
public sealed record DepartmentSummary(int Id, string Name, int EmployeeCount);
