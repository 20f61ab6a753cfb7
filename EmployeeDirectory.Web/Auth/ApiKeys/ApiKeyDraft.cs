namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>
/// What an admin asks for when creating a key; checked by <see cref="ApiKeyStore.CreateAsync"/>. <paramref name="Role"/>
/// is the shorthand of keys from before scopes (Admin: every scope; Employee: <c>directory:read</c>), taken only
/// without <paramref name="Scopes"/>.
/// </summary>
internal sealed record ApiKeyDraft(
    string? Name,
    IReadOnlyList<string>? Scopes,
    string? EmployeeEmail = null,
    DateTimeOffset? ExpiresAt = null,
    string? Role = null);
