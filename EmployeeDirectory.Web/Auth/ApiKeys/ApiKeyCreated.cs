using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>A new key as stored, and its plaintext, which exists only in this answer.</summary>
internal sealed record ApiKeyCreated(ApiKey Key, string Secret);
