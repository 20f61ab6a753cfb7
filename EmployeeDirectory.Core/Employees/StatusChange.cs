using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>One employee's status changed.</summary>
/// <param name="EmployeeId">Whose status.</param>
/// <param name="Status">The status now, when the change carried it (a write does; a back-at time passing is read once per server); null when it must be read.</param>
public readonly record struct StatusChange(int EmployeeId, EmployeeStatus? Status);
