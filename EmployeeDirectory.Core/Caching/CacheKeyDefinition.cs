namespace EmployeeDirectory.Core.Caching;

/// <summary>One family of keys in the key space: its template (without prefix), policy and what it holds.</summary>
/// <param name="Template">Key without prefix; <c>{id}</c> stands for an employee id.</param>
/// <param name="Policy">The field policy whose TTL the key lives by.</param>
/// <param name="Holds">What the value is, for people reading the admin console.</param>
public sealed record CacheKeyDefinition(string Template, CachePolicy Policy, string Holds)
{
    /// <summary>True when the template has an <c>{id}</c> placeholder (one key per employee).</summary>
    public bool IsPerEmployee => Template.Contains(DirectoryCacheContract.IdPlaceholder, StringComparison.Ordinal);
}
