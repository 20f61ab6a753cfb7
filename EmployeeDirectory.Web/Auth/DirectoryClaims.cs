using System.Globalization;
using System.Security.Claims;

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

    public static Claim ForEmployee(int employeeId) =>
        new(EmployeeId, employeeId.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32);
}
