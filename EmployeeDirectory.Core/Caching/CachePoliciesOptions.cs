using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Caching;

/// <summary><c>Cache:Policies</c>: one <see cref="CachePolicyOptions"/> per <see cref="CachePolicy"/>.</summary>
public sealed class CachePoliciesOptions
{
    [Required]
    [ValidateObjectMembers]
    public CachePolicyOptions Profile { get; set; } = DirectoryCacheContract.DefaultPolicy(CachePolicy.Profile);

    [Required]
    [ValidateObjectMembers]
    public CachePolicyOptions Status { get; set; } = DirectoryCacheContract.DefaultPolicy(CachePolicy.Status);

    /// <summary>The options of one policy.</summary>
    public CachePolicyOptions For(CachePolicy policy) => policy switch
    {
        CachePolicy.Profile => Profile,
        CachePolicy.Status => Status,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown cache policy."),
    };
}
