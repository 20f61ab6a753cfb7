using Microsoft.AspNetCore.Authorization;

namespace EmployeeDirectory.Web.Auth;

/// <summary>The caller may set the presence of the employee given as the resource.</summary>
internal sealed class SetPresenceRequirement : IAuthorizationRequirement;
