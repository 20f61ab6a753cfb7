using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>The caller has <see cref="Capability"/> (<see cref="DirectoryCapabilities.Has"/>).</summary>
internal sealed class CapabilityRequirement(DirectoryCapability capability) : AuthorizationHandler<CapabilityRequirement>, IAuthorizationRequirement
{
    public DirectoryCapability Capability { get; } = capability;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (DirectoryCapabilities.Has(context.User, requirement.Capability))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
