using System.Globalization;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The contract's key families under one prefix: builds full keys, recognises them, and names the engine's
/// own Redis keys (the invalidation channel and the write-version hash).
/// </summary>
public sealed class CacheKeySpace
{
    private readonly string[] _heads;
    private readonly string[] _singles;

    /// <summary>
    /// The key space of <paramref name="contract"/> under <paramref name="basePrefix"/> in cache generation
    /// <paramref name="generation"/>: from generation 1 on, keys carry it (<c>ed:g3:employee:42:profile</c>), so a
    /// new generation (a re-seeded or restored database, an operator's reset) never reads an older one's values.
    /// </summary>
    public CacheKeySpace(CacheContract contract, string basePrefix, long generation = 0)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentException.ThrowIfNullOrEmpty(basePrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        Contract = contract;
        BasePrefix = basePrefix;
        Generation = generation;
        Prefix = generation == 0 ? basePrefix : string.Create(CultureInfo.InvariantCulture, $"{basePrefix}g{generation}:");
        InvalidationChannel = basePrefix + "invalidation:v3";
        VersionsKey = Prefix + "meta:versions";
        _heads = [.. contract.Families.Select(family => Prefix + family.Head)];
        _singles = [.. contract.Families.Select(family => family.HasId ? "" : Prefix + family.Template)];
    }

    /// <summary>The contract whose families this key space names.</summary>
    public CacheContract Contract { get; }

    /// <summary>The configured prefix (<c>Cache:Prefix</c>), shared by every generation and the channel.</summary>
    public string BasePrefix { get; }

    /// <summary>The cache generation the keys belong to; 0 when generations are not in use.</summary>
    public long Generation { get; }

    /// <summary>Prefix of every key of this generation, e.g. <c>ed:g3:</c> (just <c>ed:</c> in generation 0).</summary>
    public string Prefix { get; }

    /// <summary>The versioned pub/sub channel invalidations travel on, the same for every generation.</summary>
    public string InvalidationChannel { get; }

    /// <summary>The same contract and prefix in another generation.</summary>
    public CacheKeySpace InGeneration(long generation) => new(Contract, BasePrefix, generation);

    /// <summary>
    /// The hash of per-key write versions (and aggregate patch counts) that guards write-backs against the
    /// cache-aside race. Not a cached value: the console does not list it.
    /// </summary>
    public string VersionsKey { get; }

    /// <summary>The key of a single-key family.</summary>
    public CacheKey<T> Key<T>(CacheKeyFamily<T> family)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.HasId)
        {
            throw new ArgumentException($"Key family {family.Template} needs an id.", nameof(family));
        }

        return new CacheKey<T>(_singles[family.Index], family);
    }

    /// <summary>The key of one id in a per-id family.</summary>
    public CacheKey<T> Key<T>(CacheKeyFamily<T> family, int id)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(family);
        return new CacheKey<T>(NameOf(family, id), family);
    }

    /// <summary>The full key name of a family, with <paramref name="id"/> filling <c>{id}</c> where there is one.</summary>
    public string NameOf(CacheKeyFamily family, int id)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.HasId
            ? string.Create(CultureInfo.InvariantCulture, $"{_heads[family.Index]}{id}{family.Tail}")
            : _singles[family.Index];
    }

    /// <summary>The full keys of <paramref name="families"/> for one id (single-key families ignore it).</summary>
    public IReadOnlyList<string> NamesOf(IEnumerable<CacheKeyFamily> families, int id)
    {
        ArgumentNullException.ThrowIfNull(families);
        return [.. families.Select(family => NameOf(family, id))];
    }

    /// <summary>Redis SCAN patterns matching every key of a policy's families, or of every family.</summary>
    public IReadOnlyList<string> ScanPatterns(CachePolicy? policy) =>
        [.. Contract.Families
            .Where(family => policy is null || family.Policy == policy)
            .Select(family => family.HasId ? _heads[family.Index] + "*" + family.Tail : _singles[family.Index])];

    /// <summary>Recognises a full key of this key space.</summary>
    public bool TryParse(string key, out ParsedCacheKey parsed)
    {
        parsed = default;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        foreach (var family in Contract.Families)
        {
            if (!family.HasId)
            {
                if (rest.SequenceEqual(family.Template))
                {
                    parsed = new ParsedCacheKey(family, null);
                    return true;
                }

                continue;
            }

            var head = family.Head.AsSpan();
            var tail = family.Tail.AsSpan();
            if (rest.Length > head.Length + tail.Length && rest.StartsWith(head, StringComparison.Ordinal) && rest.EndsWith(tail, StringComparison.Ordinal)
                && int.TryParse(rest[head.Length..^tail.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                parsed = new ParsedCacheKey(family, id);
                return true;
            }
        }

        return false;
    }
}
