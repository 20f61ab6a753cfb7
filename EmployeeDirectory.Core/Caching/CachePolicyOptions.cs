namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// <c>Cache:Policies:{Name}</c>: a deployment's override of a policy's declared lifetimes. A setting left
/// out keeps the value the <see cref="CacheContract"/> declares.
/// </summary>
public sealed class CachePolicyOptions
{
    /// <summary>Overrides <see cref="CachePolicySettings.Ttl"/>.</summary>
    public TimeSpan? Ttl { get; set; }

    /// <summary>Overrides <see cref="CachePolicySettings.Jitter"/>.</summary>
    public double? Jitter { get; set; }

    /// <summary>Overrides <see cref="CachePolicySettings.L1Cap"/>.</summary>
    public TimeSpan? L1Cap { get; set; }

    /// <summary>The declared settings with this override applied.</summary>
    public CachePolicySettings Over(CachePolicySettings declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return new CachePolicySettings(Ttl ?? declared.Ttl, Jitter ?? declared.Jitter, L1Cap ?? declared.L1Cap);
    }
}
