namespace EmployeeDirectory.Core.Caching;

/// <summary>Keys this server just evicted: by a local write, a message from another server, or a full clear.</summary>
public sealed class CacheInvalidatedEventArgs(IReadOnlyList<string> keys, bool remote, bool everything) : EventArgs
{
    /// <summary>Full keys evicted; empty when <see cref="Everything"/>.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;

    /// <summary>True when another server's write caused it.</summary>
    public bool Remote { get; } = remote;

    /// <summary>True when L1 was cleared whole (after a Redis reconnect or an operator's clear).</summary>
    public bool Everything { get; } = everything;
}
