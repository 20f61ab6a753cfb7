namespace EmployeeDirectory.Core.RollCall;

/// <summary>How a roll call's people are grouped.</summary>
public enum RollCallGrouping
{
    /// <summary>By department.</summary>
    Department,

    /// <summary>By location (office and floor).</summary>
    Location,
}
