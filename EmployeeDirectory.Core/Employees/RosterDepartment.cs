namespace EmployeeDirectory.Core.Employees;

/// <summary>A department as <see cref="RosterIndex.Build"/> takes it: the index counts its members from the roster entries.</summary>
public sealed record RosterDepartment(int Id, string Name);
