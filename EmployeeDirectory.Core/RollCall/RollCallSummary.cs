namespace EmployeeDirectory.Core.RollCall;

/// <summary>
/// Who is In and who is Out right now, counted in all, per department and per location (the roll call an office
/// uses for a head count). Cached under the Status policy (<c>directory:roll-call</c>), dropped by every presence
/// change, and never kept past <see cref="EndsAt"/>.
/// </summary>
/// <param name="Total">Everyone in the directory.</param>
/// <param name="In">How many are In.</param>
/// <param name="Out">How many are Out.</param>
/// <param name="Departments">Per department, by name (every department, also an empty one).</param>
/// <param name="Locations">Per location, by name.</param>
/// <param name="AsOf">The moment it was counted.</param>
/// <param name="EndsAt">The next back-at time among the counted statuses: the counts stop being true then.</param>
public sealed record RollCallSummary(
    int Total,
    int In,
    int Out,
    IReadOnlyList<RollCallGroup> Departments,
    IReadOnlyList<RollCallGroup> Locations,
    DateTimeOffset AsOf,
    DateTimeOffset? EndsAt);
