using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Api.OpenApi;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Body of <c>POST /api/admin/api-keys</c>.</summary>
internal sealed record ApiKeyRequest(
    [property: Description("What the key is for."), Required, MaxLength(ApiKey.MaxNameLength)] string? Name,
    [property: Description("The role the key acts with."), Required, OpenApiEnum(ApiKeyRequest.RoleSchema, DirectoryRoles.Admin, DirectoryRoles.Employee)] string? Role,
    [property: Description("Employee keys only, optional: the email of the employee the key acts for (it may then set that employee's presence)."), OpenApiFormat(OpenApiFormatAttribute.Email)] string? EmployeeEmail = null)
    : IOpenApiExample<ApiKeyRequest>
{
    /// <summary>The name of the roles' enum schema in the OpenAPI document.</summary>
    public const string RoleSchema = "Role";

    public static ApiKeyRequest Example => new("badge reader, 2nd floor", DirectoryRoles.Employee);
}

/// <summary>A key as listed: never its secret.</summary>
internal sealed record ApiKeyResponse(
    int Id,
    string Name,
    [property: OpenApiEnum(ApiKeyRequest.RoleSchema, DirectoryRoles.Admin, DirectoryRoles.Employee)] string Role,
    [property: OpenApiFormat(OpenApiFormatAttribute.Email)] string? EmployeeEmail,
    [property: Description("The first characters of the key, to tell keys apart.")] string Preview,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    public static ApiKeyResponse From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Role, key.EmployeeEmail, key.Preview, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.RevokedBy);
    }
}

/// <summary>A newly created key: the only answer that ever contains the key itself.</summary>
internal sealed record CreatedApiKeyResponse(
    [property: Description("Send this in the X-Api-Key header. It is shown once and cannot be read back.")] string Key,
    ApiKeyResponse Details);
