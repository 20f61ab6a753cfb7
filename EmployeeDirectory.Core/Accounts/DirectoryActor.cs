namespace EmployeeDirectory.Core.Accounts;

/// <summary>
/// Who is acting on the directory: a signed-in person or an API key. Services decide what the actor may
/// do from this, whatever the caller (page, API, key) already checked.
/// </summary>
/// <param name="Name">Recorded as "changed by": the account's email, or <c>api-key:{name}</c> for a key.</param>
/// <param name="IsAdmin">Whether the actor has the Admin role.</param>
/// <param name="EmployeeId">The employee the actor is (an account with that employee's email, or a key acting for them); null when none.</param>
public sealed record DirectoryActor(string Name, bool IsAdmin, int? EmployeeId)
{
    /// <summary>An admin may set anyone's presence; anyone else only the presence of the employee they are.</summary>
    public bool MaySetPresenceOf(int employeeId) => IsAdmin || EmployeeId == employeeId;
}
