using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>
/// Who is acting in the current circuit, as Core's services see them (name recorded as "changed by",
/// admin or not, the employee they are): the signed-in user (<see cref="SignedInCurrentActor"/>).
/// </summary>
public interface ICurrentActor
{
    Task<DirectoryActor> GetActorAsync(CancellationToken cancellationToken = default);
}
