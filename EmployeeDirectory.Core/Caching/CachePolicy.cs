namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// A field policy: how long one kind of value may live in each tier. The app's <see cref="CacheContract"/>
/// declares every policy with its defaults; <c>Cache:Policies:{Name}</c> may override them per deployment.
/// </summary>
/// <remarks>
/// An entry written to Redis lives the TTL scaled by a random factor in [1 - jitter, 1 + jitter], so
/// entries loaded together do not expire together. A server's own memory copy (L1) lives at most the L1 cap
/// and never longer than the Redis entry it copied: the cap bounds what a lost invalidation message can
/// cost. Without Redis there is nothing to copy from and nobody else to hear from, so L1 then keeps entries
/// for the full (jittered) TTL.
/// </remarks>
public sealed class CachePolicy
{
    /// <summary>Declares a policy.</summary>
    /// <param name="name">Configuration and display name (<c>Profile</c>); letters only.</param>
    /// <param name="defaults">TTL, jitter and L1 cap used unless configuration overrides them.</param>
    /// <param name="description">What lives by this policy, for people reading the admin console.</param>
    public CachePolicy(string name, CachePolicySettings defaults, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (!name.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"A policy name is letters only; \"{name}\" is not.", nameof(name));
        }

        Name = name;
        Defaults = defaults;
        Description = description;
        MetricName = name.ToLowerInvariant();
    }

    /// <summary>Configuration and display name.</summary>
    public string Name { get; }

    /// <summary>The lifetimes declared with the policy.</summary>
    public CachePolicySettings Defaults { get; }

    /// <summary>What lives by this policy.</summary>
    public string Description { get; }

    /// <summary>The policy as a metric tag value (<c>profile</c>).</summary>
    public string MetricName { get; }

    /// <summary>Position in the contract's policy list: indexes per-policy counters without a lookup.</summary>
    internal int Index { get; set; } = -1;

    /// <inheritdoc />
    public override string ToString() => Name;
}
