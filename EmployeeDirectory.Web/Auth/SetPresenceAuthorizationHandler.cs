using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>An admin may set anyone's presence; anyone else only the presence of the employee they are.</summary>
internal sealed class SetPresenceAuthorizationHandler : AuthorizationHandler<SetPresenceRequirement, int>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, SetPresenceRequirement requirement, int resource)
    {
        if (context.User.IsInRole(DirectoryRoles.Admin) || DirectoryClaims.EmployeeIdOf(context.User) == resource)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
