using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The rules data annotations cannot state: every policy override names a declared policy, and each
/// policy's effective lifetimes (declared, then overridden) are in range with the L1 cap within the TTL.
/// </summary>
internal sealed class CacheOptionsValidator(CacheContract contract) : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var failures = new List<string>();
        foreach (var configured in options.Policies.Keys)
        {
            if (contract.FindPolicy(configured) is null)
            {
                failures.Add($"Cache:Policies:{configured} is not a cache policy; the policies are {string.Join(", ", contract.Policies)}.");
            }
        }

        foreach (var policy in contract.Policies)
        {
            failures.AddRange(CachePolicies.Resolve(policy, options).Problems($"Cache:Policies:{policy.Name}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
