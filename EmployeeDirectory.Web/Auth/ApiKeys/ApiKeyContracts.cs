using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Api.OpenApi;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Body of <c>POST /api/admin/api-keys</c>.</summary>
internal sealed record ApiKeyRequest(
    [property: Description("What the key is for."), Required, MaxLength(ApiKey.MaxNameLength)] string? Name,
    [property: Description("What the key may do, one or more of: directory:read, presence:write (anyone's status: a badge reader), profile:write, admin (the admin API; never managing keys). Required unless the deprecated role is given."),
        MinLength(1), OpenApiEnum(ApiKeyRequest.ScopeSchema, ApiKeyScopes.DirectoryRead, ApiKeyScopes.PresenceWrite, ApiKeyScopes.ProfileWrite, ApiKeyScopes.Admin)]
    IReadOnlyList<string>? Scopes = null,
    [property: Description("Optional: the email of the employee the key acts for; it may then set that employee's status without presence:write."), OpenApiFormat(OpenApiFormatAttribute.Email)] string? EmployeeEmail = null,
    [property: Description("Optional: when the key stops working by itself (ISO 8601 with an offset, in the future, at most 10 years ahead).")] DateTimeOffset? ExpiresAt = null,
    [property: Description("Deprecated shorthand for scopes, taken only without scopes: Admin (every scope) or Employee (directory:read)."), OpenApiEnum(ApiKeyRequest.RoleSchema, DirectoryRoles.Admin, DirectoryRoles.Employee)] string? Role = null)
    : IOpenApiExample<ApiKeyRequest>
{
    /// <summary>The name of the scopes' enum schema in the OpenAPI document.</summary>
    public const string ScopeSchema = "ApiKeyScope";

    /// <summary>The name of the (deprecated) roles' enum schema in the OpenAPI document.</summary>
    public const string RoleSchema = "Role";

    /// <summary>
    /// A badge reader's key that ends by itself. The expiry is a fixed date, so the document is the same at every
    /// build; <c>OpenApiDocumentTests</c> creates a key from this example and says when the date needs moving.
    /// </summary>
    public static ApiKeyRequest Example => new(
        "badge reader, 2nd floor", [ApiKeyScopes.PresenceWrite], ExpiresAt: new DateTimeOffset(2031, 12, 31, 17, 0, 0, TimeSpan.Zero));
}

/// <summary>A key as listed: never its secret.</summary>
internal sealed record ApiKeyResponse(
    int Id,
    string Name,
    [property: Description("What the key may do (for a key created before scopes: what its role allowed).")]
    [property: OpenApiEnum(ApiKeyRequest.ScopeSchema, ApiKeyScopes.DirectoryRead, ApiKeyScopes.PresenceWrite, ApiKeyScopes.ProfileWrite, ApiKeyScopes.Admin)]
    IReadOnlyList<string> Scopes,
    [property: OpenApiFormat(OpenApiFormatAttribute.Email)] string? EmployeeEmail,
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
