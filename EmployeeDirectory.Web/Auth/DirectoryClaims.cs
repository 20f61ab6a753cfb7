using System.Globalization;
using System.Security.Claims;
using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Web.Auth;

/// <summary>The directory's own claims, added at sign-in (accounts) or per request (API keys).</summary>
public static class DirectoryClaims
{
    /// <summary>
    /// Id of the employee the caller is: the employee whose normalized email equals the account's email,
    /// or the employee an employee API key acts for. Absent when no employee matches.
    /// </summary>
    public const string EmployeeId = "employee_id";

    /// <summary>The caller's employee id, or null when the caller is not linked to an employee.</summary>
    public static int? EmployeeIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return int.TryParse(user.FindFirstValue(EmployeeId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>
    /// The actor Core's services check: the user name (an account's email, or <c>api-key:{name}</c>), whether
    /// they are an admin, whether they may set anyone's presence, and the employee they are. Only for a signed-in caller.
    /// </summary>
    public static DirectoryActor ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new DirectoryActor(name, DirectoryCapabilities.Has(user, DirectoryCapability.Administer), EmployeeIdOf(user))
            {
                MaySetAnyPresence = DirectoryCapabilities.Has(user, DirectoryCapability.SetAnyPresence),
            }
            : throw new InvalidOperationException("Only a signed-in caller acts on the directory; the endpoint or page must require authorization.");
    }

    public static Claim ForEmployee(int employeeId) =>
        new(EmployeeId, employeeId.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32);
}
