using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Caching;

/// <summary>Rules across fields: an L1 copy may not outlive the policy's TTL.</summary>
internal sealed class CachePolicyLimitsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var failures = new List<string>();
        foreach (var policy in Enum.GetValues<CachePolicy>())
        {
            var settings = options.Policies.For(policy);
            if (settings.L1Cap > settings.Ttl)
            {
                failures.Add($"Cache:Policies:{policy}:L1Cap ({settings.L1Cap}) must not exceed Cache:Policies:{policy}:Ttl ({settings.Ttl}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
