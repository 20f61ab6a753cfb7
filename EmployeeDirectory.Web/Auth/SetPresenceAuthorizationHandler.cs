using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Whether to offer the presence controls: the rule itself is Core's (<see cref="Core.Accounts.DirectoryActor.MaySetPresenceOf"/>),
/// which the presence service enforces on every change whatever the page showed.
/// </summary>
internal sealed class SetPresenceAuthorizationHandler : AuthorizationHandler<SetPresenceRequirement, int>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, SetPresenceRequirement requirement, int resource)
    {
        if (context.User.Identity?.IsAuthenticated == true && DirectoryClaims.ActorOf(context.User).MaySetPresenceOf(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
