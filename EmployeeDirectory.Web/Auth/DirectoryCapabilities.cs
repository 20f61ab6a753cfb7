using System.Security.Claims;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth.ApiKeys;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Who has which <see cref="DirectoryCapability"/>. A signed-in account has them by role: an admin all, an employee
/// only <see cref="DirectoryCapability.ReadDirectory"/> (and their own presence, which Core checks). An API key has
/// exactly what its scopes name (<see cref="ApiKeyScopes"/>), and never <see cref="DirectoryCapability.ManageApiKeys"/>.
/// </summary>
public static class DirectoryCapabilities
{
    /// <summary>The claim an API key's principal carries once per scope.</summary>
    public const string ScopeClaim = "scope";

    public static bool Has(ClaimsPrincipal user, DirectoryCapability capability)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return IsApiKey(user)
            ? ScopeFor(capability) is { } scope && HasScope(user, scope)
            : AccountRoleFor(capability) is not { } role || user.IsInRole(role);
    }

    /// <summary>The scope an API key needs for <paramref name="capability"/>; null when no key may have it.</summary>
    public static string? ScopeFor(DirectoryCapability capability) => capability switch
    {
        DirectoryCapability.ReadDirectory => ApiKeyScopes.DirectoryRead,
        DirectoryCapability.SetAnyPresence => ApiKeyScopes.PresenceWrite,
        DirectoryCapability.EditProfiles => ApiKeyScopes.ProfileWrite,
        DirectoryCapability.Administer => ApiKeyScopes.Admin,
        _ => null,
    };

    /// <summary>The role a signed-in account needs for <paramref name="capability"/>; null when any account has it.</summary>
    public static string? AccountRoleFor(DirectoryCapability capability) =>
        capability == DirectoryCapability.ReadDirectory ? null : DirectoryRoles.Admin;

    /// <summary>True for a caller authenticated by an API key rather than the sign-in cookie.</summary>
    public static bool IsApiKey(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.AuthenticationType == ApiKeyDefaults.Scheme;
    }

    private static bool HasScope(ClaimsPrincipal user, string scope) => user.HasClaim(ScopeClaim, scope);
}
