namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// An outbox row (entity): one write's cache invalidation, committed in the same transaction as the write and
/// marked sent once it reached Redis. Times are Unix milliseconds, which every provider compares the same way.
/// </summary>
public sealed class CacheIntentRecord
{
    /// <summary>Database identity; increases with every intent.</summary>
    public long Id { get; set; }

    /// <summary>When the write committed (Unix ms).</summary>
    public long CreatedAtMs { get; set; }

    /// <summary>The invalidation, as the cache contract serialises it.</summary>
    public required string Payload { get; set; }

    /// <summary>When it reached Redis (Unix ms); null until then.</summary>
    public long? SentAtMs { get; set; }
}
