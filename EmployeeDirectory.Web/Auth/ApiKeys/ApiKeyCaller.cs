using System.Security.Claims;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Who a valid key authenticates: the key's name and scopes, and the employee it acts for, if any.</summary>
internal sealed record ApiKeyCaller(int KeyId, string Name, IReadOnlyList<string> Scopes, int? EmployeeId)
{
    /// <summary>The principal's name identifier: <c>api-key:{id}</c> (the rate limiter's partition, the stream's re-check).</summary>
    public const string IdPrefix = "api-key:";

    /// <summary>Recorded as "changed by": <c>api-key:{name}</c>, so a key's changes are never mistaken for a person's.</summary>
    public string ActorName => $"api-key:{Name}";

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"{IdPrefix}{KeyId}"),
            new(ClaimTypes.Name, ActorName),
        };
        claims.AddRange(Scopes.Select(scope => new Claim(DirectoryCapabilities.ScopeClaim, scope)));
        if (EmployeeId is { } employeeId)
        {
            claims.Add(DirectoryClaims.ForEmployee(employeeId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The key id of a principal an API key authenticated; null for anyone else.</summary>
    public static int? KeyIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return DirectoryCapabilities.IsApiKey(user)
            && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && id.StartsWith(IdPrefix, StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(IdPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var keyId)
            ? keyId
            : null;
    }
}
