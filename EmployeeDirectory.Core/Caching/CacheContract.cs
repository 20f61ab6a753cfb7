namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// What an app caches: its policies and its key families. The engine reads everything else (names,
/// parsing, SCAN patterns, the console's listing, per-policy statistics) from here.
/// </summary>
public sealed class CacheContract
{
    /// <summary>Declares a contract; each policy and family belongs to one contract.</summary>
    public CacheContract(IReadOnlyList<CachePolicy> policies, IReadOnlyList<CacheKeyFamily> families)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(families);
        if (policies.Count == 0)
        {
            throw new ArgumentException("A cache contract declares at least one policy.", nameof(policies));
        }

        for (var i = 0; i < policies.Count; i++)
        {
            Claim(policies[i].Index, i, $"policy {policies[i].Name}");
            policies[i].Index = i;
        }

        for (var i = 0; i < families.Count; i++)
        {
            var family = families[i];
            if (!policies.Contains(family.Policy))
            {
                throw new ArgumentException($"Key family {family.Template} lives by policy {family.Policy.Name}, which the contract does not declare.", nameof(families));
            }

            if (families.Take(i).Any(other => other.Template == family.Template))
            {
                throw new ArgumentException($"Key family {family.Template} is declared twice.", nameof(families));
            }

            Claim(family.Index, i, $"key family {family.Template}");
            family.Index = i;
        }

        Policies = policies;
        Families = families;
    }

    /// <summary>Every policy, in declaration order.</summary>
    public IReadOnlyList<CachePolicy> Policies { get; }

    /// <summary>Every key family, in declaration order.</summary>
    public IReadOnlyList<CacheKeyFamily> Families { get; }

    /// <summary>The policy with this name (case-insensitive), or null.</summary>
    public CachePolicy? FindPolicy(string name) =>
        Policies.FirstOrDefault(policy => string.Equals(policy.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An invalidation as an outbox stores it: families by template and ids, so it outlives a generation change.</summary>
    public static string Serialize(CacheInvalidation invalidation)
    {
        ArgumentNullException.ThrowIfNull(invalidation);
        return Internal.CacheInvalidationJson.Write(invalidation);
    }

    /// <summary>An invalidation stored by <see cref="Serialize"/>; a family the contract no longer declares is an error.</summary>
    public CacheInvalidation Deserialize(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        return Internal.CacheInvalidationJson.Read(payload, this);
    }

    /// <summary>The families that live by <paramref name="policy"/>.</summary>
    public IEnumerable<CacheKeyFamily> FamiliesOf(CachePolicy policy) => Families.Where(family => family.Policy == policy);

    private static void Claim(int current, int wanted, string what)
    {
        if (current != -1 && current != wanted)
        {
            throw new InvalidOperationException($"The {what} already belongs to another cache contract.");
        }
    }
}
