using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Core.Presence;

/// <summary>Flips an employee's In/Out status.</summary>
public interface IPresenceService
{
    /// <summary>
    /// Sets the status and note as <paramref name="actor"/> (recorded as "changed by"). An admin may set
    /// anyone's, anyone else only their own: <see cref="ServiceOutcome.Forbidden"/> otherwise.
    /// <see cref="ServiceOutcome.Invalid"/> for a note over 140 characters or with control, bidi or
    /// zero-width characters; <see cref="ServiceOutcome.NotFound"/>; <see cref="ServiceOutcome.Conflict"/>
    /// (with the stored status) when <see cref="PresenceUpdate.ExpectedStamp"/> is stale. Nothing is saved unless Ok.
    /// </summary>
    Task<ServiceResult<EmployeeStatus>> SetPresenceAsync(int id, PresenceUpdate update, DirectoryActor actor, CancellationToken cancellationToken = default);
}
