namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// An invalidation this server just applied, by a local write, a message from another server, an outbox catch-up
/// or an operator; or a full clear. It comes typed, as the write declared it (families, ids, successors and
/// patches), so listeners never parse key names back.
/// </summary>
public sealed class CacheInvalidatedEventArgs : EventArgs
{
    /// <summary>An applied invalidation; <paramref name="keys"/> are the full names it evicted here.</summary>
    public CacheInvalidatedEventArgs(CacheInvalidation invalidation, IReadOnlyList<string> keys, bool remote)
    {
        ArgumentNullException.ThrowIfNull(invalidation);
        ArgumentNullException.ThrowIfNull(keys);
        Invalidation = invalidation;
        Keys = keys;
        Remote = remote;
    }

    private CacheInvalidatedEventArgs()
    {
        Invalidation = CacheInvalidation.OfDrops();
        Keys = [];
        Everything = true;
    }

    /// <summary>L1 was cleared whole (after a generation change, an operator's clear, or when what was missed cannot be known).</summary>
    public static CacheInvalidatedEventArgs Cleared { get; } = new();

    /// <summary>What changed, typed; empty when <see cref="Everything"/>.</summary>
    public CacheInvalidation Invalidation { get; }

    /// <summary>Full keys evicted from this server's L1; empty when <see cref="Everything"/>.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>True when another server's write caused it (or a catch-up applied it).</summary>
    public bool Remote { get; }

    /// <summary>True when L1 was cleared whole: refresh everything shown.</summary>
    public bool Everything { get; }
}
