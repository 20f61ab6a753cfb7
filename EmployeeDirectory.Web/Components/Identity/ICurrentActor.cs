namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>
/// Who is acting in the current circuit, recorded as "changed by" on presence changes: the signed-in
/// user (<see cref="SignedInCurrentActor"/>).
/// </summary>
public interface ICurrentActor
{
    Task<string> GetNameAsync(CancellationToken cancellationToken = default);
}
