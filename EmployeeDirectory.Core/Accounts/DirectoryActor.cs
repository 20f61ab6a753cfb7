namespace EmployeeDirectory.Core.Accounts;

/// <summary>
/// Who is acting on the directory: a signed-in person or an API key. Services decide what the actor may
/// do from this, whatever the caller (page, API, key) already checked.
/// </summary>
/// <param name="Name">Recorded as "changed by": the account's email, or <c>api-key:{name}</c> for a key.</param>
/// <param name="IsAdmin">Whether the actor is an admin (the Admin role, or a key with the admin scope).</param>
/// <param name="EmployeeId">The employee the actor is (an account with that employee's email, or a key acting for them); null when none.</param>
public sealed record DirectoryActor(string Name, bool IsAdmin, int? EmployeeId)
{
    /// <summary>
    /// Whether the actor may set anyone's presence: an admin account, or a key with the <c>presence:write</c> scope
    /// (a badge reader). Defaults to <see cref="IsAdmin"/>.
    /// </summary>
    public bool MaySetAnyPresence { get; init; } = IsAdmin;

    /// <summary>Anyone's presence with <see cref="MaySetAnyPresence"/>; otherwise only the presence of the employee the actor is.</summary>
    public bool MaySetPresenceOf(int employeeId) => MaySetAnyPresence || EmployeeId == employeeId;
}
