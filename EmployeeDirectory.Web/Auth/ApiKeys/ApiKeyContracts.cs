using System.ComponentModel;
using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Body of <c>POST /api/admin/api-keys</c>.</summary>
internal sealed record ApiKeyRequest(
    [property: Description("What the key is for, at most 100 characters.")] string? Name,
    [property: Description("What the key may do, one or more of: directory:read, presence:write (anyone's status: a badge reader), profile:write, admin (the admin API; never managing keys).")] IReadOnlyList<string>? Scopes,
    [property: Description("Optional: the email of the employee the key acts for; it may then set that employee's status without presence:write.")] string? EmployeeEmail,
    [property: Description("Optional: when the key stops working by itself (ISO 8601 with an offset, in the future, at most 10 years ahead).")] DateTimeOffset? ExpiresAt,
    [property: Description("Deprecated shorthand for scopes, taken only without scopes: Admin (every scope) or Employee (directory:read).")] string? Role = null);

/// <summary>A key as listed: never its secret.</summary>
internal sealed record ApiKeyResponse(
    int Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string? EmployeeEmail,
    [property: Description("The first characters of the key, to tell keys apart.")] string Preview,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    [property: Description("When the key stops working by itself; null: not before it is revoked.")] DateTimeOffset? ExpiresAt,
    [property: Description("When the key last authenticated a request (to the minute); null if never.")] DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    public static ApiKeyResponse From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(
            key.Id, key.Name, ApiKeyStore.ScopesOf(key), key.EmployeeEmail, key.Preview, key.CreatedAt, key.CreatedBy,
            key.ExpiresAt, key.LastUsedAt, key.RevokedAt, key.RevokedBy);
    }
}

/// <summary>A newly created key: the only answer that ever contains the key itself.</summary>
internal sealed record CreatedApiKeyResponse(
    [property: Description("Send this in the X-Api-Key header. It is shown once and cannot be read back.")] string Key,
    ApiKeyResponse Details);
