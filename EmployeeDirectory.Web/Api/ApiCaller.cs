using System.Security.Claims;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Who the API records as having made a change ("changed by"): the signed-in account's user name (its
/// email), or <c>api-key:{name}</c> for an API key. Every changing route requires a signed-in caller.
/// </summary>
internal static class ApiCaller
{
    public static string NameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("A change reached the API without a signed-in caller; the endpoint must require authorization.");
    }
}
