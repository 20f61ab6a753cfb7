using System.Security.Claims;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Who a valid key authenticates: the key's name and role, and the employee an employee key acts for.</summary>
internal sealed record ApiKeyCaller(int KeyId, string Name, string Role, int? EmployeeId)
{
    /// <summary>Recorded as "changed by": <c>api-key:{name}</c>, so a key's changes are never mistaken for a person's.</summary>
    public string ActorName => $"api-key:{Name}";

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"api-key:{KeyId}"),
            new(ClaimTypes.Name, ActorName),
            new(ClaimTypes.Role, Role),
        };
        if (EmployeeId is { } employeeId)
        {
            claims.Add(DirectoryClaims.ForEmployee(employeeId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
