namespace EmployeeDirectory.Core.RollCall;

/// <summary>The roll call: who is In and who is Out, per department and per location.</summary>
public interface IRollCallService
{
    /// <summary>The counts, from the cache (<c>directory:roll-call</c>), computed from the cached roster and presence when missing.</summary>
    Task<RollCallSummary> GetRollCallAsync(CancellationToken cancellationToken = default);

    /// <summary>The people of one department or location, by name, with their status at this moment.</summary>
    Task<IReadOnlyList<RollCallPerson>> GetPeopleAsync(RollCallGrouping grouping, string name, CancellationToken cancellationToken = default);
}
