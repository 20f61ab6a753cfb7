using System.Security.Claims;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// Who the API records as having made a change ("changed by"). The single place sign-in replaces:
/// a signed-in caller is named; until then every API change is recorded as <see cref="Anonymous"/>.
/// </summary>
internal static class ApiCaller
{
    public const string Anonymous = "api";

    public static string NameOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
}
