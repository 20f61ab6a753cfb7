namespace EmployeeDirectory.Core.Presence;

/// <summary>Whether an employee is in the office today.</summary>
public enum PresenceStatus
{
    /// <summary>Not in (the default for a new employee).</summary>
    Out = 0,

    /// <summary>In the office.</summary>
    In = 1,
}
