using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Who may do what. Browsing needs any signed-in caller (the default policy); these named policies
/// guard the changes. Pages use them through <c>AuthorizeView</c>, the API through endpoint metadata
/// or <see cref="IAuthorizationService"/>.
/// </summary>
public static class DirectoryPolicies
{
    /// <summary>Admins only: the admin console and API key management.</summary>
    public const string Admin = "Admin";

    /// <summary>Editing any employee's profile: admins only.</summary>
    public const string EditProfiles = "EditProfiles";

    /// <summary>
    /// Setting an employee's presence; the resource is the employee id (an <see cref="int"/>). An admin
    /// may set anyone's, an employee only their own.
    /// </summary>
    public const string SetPresence = "SetPresence";

    /// <summary>Registers the policies and the handler behind <see cref="SetPresence"/>.</summary>
    public static IServiceCollection AddDirectoryAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(DirectoryRoles.Admin))
            .AddPolicy(EditProfiles, policy => policy.RequireAuthenticatedUser().RequireRole(DirectoryRoles.Admin))
            .AddPolicy(SetPresence, policy => policy.RequireAuthenticatedUser().AddRequirements(new SetPresenceRequirement()));
        services.AddSingleton<IAuthorizationHandler, SetPresenceAuthorizationHandler>();
        return services;
    }
}
