namespace EmployeeDirectory.Core.Employees;

/// <summary>One employee's profile changed.</summary>
/// <param name="EmployeeId">Whose profile.</param>
/// <param name="Current">The listed fields now, when the change carried them; null when they must be read.</param>
/// <param name="Previous">The listed fields before the change, when the writer knew them; null when unknown.</param>
public readonly record struct ProfileChange(int EmployeeId, RosterEntry? Current, RosterEntry? Previous);
