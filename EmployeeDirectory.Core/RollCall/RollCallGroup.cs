namespace EmployeeDirectory.Core.RollCall;

/// <summary>One department's or location's counts in a <see cref="RollCallSummary"/>.</summary>
/// <param name="Name">The department or location.</param>
/// <param name="In">How many of its people are In.</param>
/// <param name="Out">How many are Out.</param>
public sealed record RollCallGroup(string Name, int In, int Out)
{
    /// <summary>Everyone in the group.</summary>
    public int Total => In + Out;
}
