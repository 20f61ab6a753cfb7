namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// What L1 holds per key: the value, its policy, when it expires, the memory it accounts for, and whether
/// it was read since the last eviction sweep (the sweep's second chance).
/// </summary>
internal sealed class L1Entry(object value, CachePolicy policy, long expiresAtTicks, long size)
{
    public object Value { get; } = value;

    public CachePolicy Policy { get; } = policy;

    public long ExpiresAtTicks { get; } = expiresAtTicks;

    public DateTimeOffset ExpiresAt => ExpiresAtTicks == long.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(ExpiresAtTicks, TimeSpan.Zero);

    public long Size { get; } = size;

    /// <summary>Set by reads, cleared by the eviction sweep: a racy flag is enough for a second chance.</summary>
    public bool Used { get; set; }
}
