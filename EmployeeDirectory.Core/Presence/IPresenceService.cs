using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Core.Presence;

/// <summary>Flips an employee's In/Out status.</summary>
public interface IPresenceService
{
    /// <summary>
    /// Sets the status and note; <paramref name="changedBy"/> is who did it (shown as "changed by").
    /// <see cref="ServiceOutcome.Invalid"/> for a note over 140 characters, <see cref="ServiceOutcome.NotFound"/>,
    /// <see cref="ServiceOutcome.Conflict"/> (with the stored status) when <see cref="PresenceUpdate.ExpectedStamp"/> is stale.
    /// </summary>
    Task<ServiceResult<EmployeeStatus>> SetPresenceAsync(int id, PresenceUpdate update, string changedBy, CancellationToken cancellationToken = default);
}
