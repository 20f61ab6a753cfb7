namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// One family of keys: a template (without the prefix) with at most one <c>{id}</c>, the policy its values
/// live by, and what they hold. <see cref="CacheKeyFamily{T}"/> adds the value type.
/// </summary>
public abstract class CacheKeyFamily
{
    /// <summary>Stands for the numeric id in a per-id template (<c>employee:{id}:profile</c>).</summary>
    public const string IdPlaceholder = "{id}";

    private protected CacheKeyFamily(string template, CachePolicy policy, string holds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(holds);
        var hole = template.IndexOf(IdPlaceholder, StringComparison.Ordinal);
        if (hole >= 0 && template.IndexOf(IdPlaceholder, hole + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"A key template holds at most one {IdPlaceholder}: \"{template}\".", nameof(template));
        }

        if (template.Contains('*', StringComparison.Ordinal) || template.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A key template may not hold glob characters: \"{template}\".", nameof(template));
        }

        Template = template;
        Policy = policy;
        Holds = holds;
        HasId = hole >= 0;
        Head = HasId ? template[..hole] : template;
        Tail = HasId ? template[(hole + IdPlaceholder.Length)..] : "";
    }

    /// <summary>The key without prefix; <c>{id}</c> stands for the id.</summary>
    public string Template { get; }

    /// <summary>The policy whose lifetimes the family's values live by.</summary>
    public CachePolicy Policy { get; }

    /// <summary>What the values are, for people reading the admin console.</summary>
    public string Holds { get; }

    /// <summary>True for one key per id; false for a single key.</summary>
    public bool HasId { get; }

    /// <summary>The template before <c>{id}</c> (the whole template when there is none).</summary>
    internal string Head { get; }

    /// <summary>The template after <c>{id}</c>.</summary>
    internal string Tail { get; }

    /// <summary>Position in the contract's family list.</summary>
    internal int Index { get; set; } = -1;

    /// <inheritdoc />
    public override string ToString() => Template;
}
