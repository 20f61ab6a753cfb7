using System.Security.Claims;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Whether a caller who was an admin when a long-lived request began (an open event stream) still is, read
/// afresh from the database: a key must still be active (not revoked, not expired) with the <c>admin</c> scope;
/// an account must still exist, hold the Admin role, and have the security stamp its cookie was issued with
/// (a password change or "sign out everywhere" ends it). Demo accounts never are outside Development.
/// </summary>
internal sealed class AdminRecheck(IServiceScopeFactory scopes, ApiKeyStore keys, IOptions<IdentityOptions> identity, IHostEnvironment environment)
{
    public async Task<bool> IsStillAdminAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ApiKeyCaller.KeyIdOf(user) is { } keyId)
        {
            return await keys.IsActiveAsync(keyId, ApiKeyScopes.Admin, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
        var account = await users.GetUserAsync(user);
        return account is not null
            && (environment.IsDevelopment() || !DemoAccounts.IsDemo(account.Email))
            && await users.IsInRoleAsync(account, DirectoryRoles.Admin)
            && (!users.SupportsUserSecurityStamp
                || user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(account));
    }
}
