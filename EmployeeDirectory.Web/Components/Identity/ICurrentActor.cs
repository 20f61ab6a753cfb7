namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>
/// Who is acting in the current circuit, recorded as "changed by" on presence changes. The single
/// place sign-in replaces to attribute changes to the signed-in user.
/// </summary>
public interface ICurrentActor
{
    Task<string> GetNameAsync(CancellationToken cancellationToken = default);
}
