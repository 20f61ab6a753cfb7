using System.Security.Claims;
using EmployeeDirectory.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// The signed-in principal: Identity's claims (id, name, security stamp, roles) plus the id of the
/// employee the account is (<see cref="DirectoryClaims.EmployeeId"/>). Runs at sign-in and whenever the
/// cookie's security stamp is revalidated, so a changed link is picked up without signing out.
/// </summary>
internal sealed class DirectoryUserClaimsPrincipalFactory(
    UserManager<DirectoryUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    EmployeeAccountLinks links)
    : UserClaimsPrincipalFactory<DirectoryUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DirectoryUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await links.FindEmployeeIdAsync(user.Email) is { } employeeId)
        {
            identity.AddClaim(DirectoryClaims.ForEmployee(employeeId));
        }

        return identity;
    }
}
