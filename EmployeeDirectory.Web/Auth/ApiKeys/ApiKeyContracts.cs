using System.ComponentModel;
using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>Body of <c>POST /api/admin/api-keys</c>.</summary>
internal sealed record ApiKeyRequest(
    [property: Description("What the key is for, at most 100 characters.")] string? Name,
    [property: Description("Admin or Employee.")] string? Role,
    [property: Description("Employee keys only, optional: the email of the employee the key acts for (it may then set that employee's presence).")] string? EmployeeEmail);

/// <summary>A key as listed: never its secret.</summary>
internal sealed record ApiKeyResponse(
    int Id,
    string Name,
    string Role,
    string? EmployeeEmail,
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
