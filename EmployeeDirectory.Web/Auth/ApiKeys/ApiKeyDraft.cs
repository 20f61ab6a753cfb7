namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>What an admin asks for when creating a key; checked by <see cref="ApiKeyStore.CreateAsync"/>.</summary>
internal sealed record ApiKeyDraft(string? Name, string? Role, string? EmployeeEmail);
