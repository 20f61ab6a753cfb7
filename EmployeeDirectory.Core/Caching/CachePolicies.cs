namespace EmployeeDirectory.Core.Caching;

/// <summary>Every declared policy with its effective settings: the contract's defaults, then configuration's overrides.</summary>
public sealed class CachePolicies
{
    private readonly CachePolicySettings[] _settings;

    internal CachePolicies(CacheContract contract, CacheOptions options)
    {
        All = contract.Policies;
        _settings = [.. contract.Policies.Select(policy => Resolve(policy, options))];
    }

    /// <summary>The policies in declaration order.</summary>
    public IReadOnlyList<CachePolicy> All { get; }

    /// <summary>The effective settings of one policy.</summary>
    public CachePolicySettings this[CachePolicy policy] => _settings[policy.Index];

    internal static CachePolicySettings Resolve(CachePolicy policy, CacheOptions options) =>
        options.Policies.TryGetValue(policy.Name, out var configured) ? configured.Over(policy.Defaults) : policy.Defaults;
}
