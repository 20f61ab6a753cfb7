namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// A single-key family whose value is an aggregate shared by many readers (a roster, a presence set). It is
/// patched member by member rather than dropped: in Redis a hash with a field per member, changed by the same
/// script that invalidates keys; on each server an immutable snapshot, patched from the invalidation message.
/// Whole reloads happen only on a cold start and when a server finds it missed a patch.
/// </summary>
/// <typeparam name="T">The in-memory form.</typeparam>
public sealed class CacheAggregateFamily<T> : CacheKeyFamily
    where T : class
{
    /// <summary>Declares an aggregate family.</summary>
    /// <param name="template">The key without prefix; an aggregate is one key, so no <c>{id}</c>.</param>
    /// <param name="policy">How long the Redis copy lives before it is rebuilt from the source.</param>
    /// <param name="codec">Builds, patches and measures the in-memory form.</param>
    /// <param name="holds">What it is, for the admin console.</param>
    public CacheAggregateFamily(string template, CachePolicy policy, ICacheAggregateCodec<T> codec, string holds)
        : base(template, policy, holds)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (HasId)
        {
            throw new ArgumentException($"An aggregate is one key; \"{template}\" has an id.", nameof(template));
        }

        Codec = codec;
    }

    /// <summary>Builds, patches and measures the in-memory form.</summary>
    public ICacheAggregateCodec<T> Codec { get; }
}
