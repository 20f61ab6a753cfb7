using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Who may do what. Pages need any signed-in account (the default policy); these named policies guard reading
/// the directory over the API and every change, each one permission (<see cref="DirectoryCapabilities"/>), so an
/// API key's scopes and an account's role are judged alike. Pages use them through <c>AuthorizeView</c>, the API
/// through endpoint metadata or <see cref="IAuthorizationService"/>.
/// </summary>
public static class DirectoryPolicies
{
    /// <summary>Reading the directory: any signed-in account, or a key with <c>directory:read</c>.</summary>
    public const string ReadDirectory = "ReadDirectory";

    /// <summary>Admins: the admin console and the admin API (an admin account, or a key with <c>admin</c>).</summary>
    public const string Admin = "Admin";

    /// <summary>Creating, listing and revoking API keys: a signed-in admin only, never a key.</summary>
    public const string ManageApiKeys = "ManageApiKeys";

    /// <summary>Editing any employee's profile: an admin account, or a key with <c>profile:write</c>.</summary>
    public const string EditProfiles = "EditProfiles";

    /// <summary>
    /// Setting an employee's presence; the resource is the employee id (an <see cref="int"/>). An admin (or a key
    /// with <c>presence:write</c>) may set anyone's, anyone else only their own.
    /// </summary>
    public const string SetPresence = "SetPresence";

    /// <summary>Registers the policies and the handler behind <see cref="SetPresence"/>.</summary>
    public static IServiceCollection AddDirectoryAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadDirectory, policy => policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(DirectoryCapability.ReadDirectory)))
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(DirectoryCapability.Administer)))
            .AddPolicy(ManageApiKeys, policy => policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(DirectoryCapability.ManageApiKeys)))
            .AddPolicy(EditProfiles, policy => policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(DirectoryCapability.EditProfiles)))
            .AddPolicy(SetPresence, policy => policy.RequireAuthenticatedUser().AddRequirements(new SetPresenceRequirement()));
        services.AddSingleton<IAuthorizationHandler, SetPresenceAuthorizationHandler>();
        return services;
    }
}
