using EmployeeDirectory.Core.Caching.Operations;

namespace EmployeeDirectory.Web.Admin;

/// <summary>One row of the key browser: an entry and the moments its copies expire, fixed when it was listed.</summary>
/// <param name="Entry">The entry as the inspector described it.</param>
/// <param name="ExpiresAt">When the key expires: its Redis TTL when in Redis, else its L1 lifetime.</param>
/// <param name="L1ExpiresAt">When this server's copy expires, when the key is in both tiers.</param>
public sealed record KeyRow(CacheEntryInfo Entry, DateTimeOffset? ExpiresAt, DateTimeOffset? L1ExpiresAt)
{
    public static KeyRow From(CacheEntryInfo entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var l1 = entry.L1Remaining == TimeSpan.MaxValue ? null : entry.L1Remaining;
        var primary = entry.L2Remaining ?? l1;
        var secondary = entry.Tiers == CacheEntryTiers.Both ? l1 : null;
        return new KeyRow(entry, now + primary, now + secondary);
    }

    /// <summary>True for an aggregate's copy on this server: it does not expire, every write patches it.</summary>
    public bool KeptCurrent => Entry.L1Remaining == TimeSpan.MaxValue;

    public string TierText => Entry.Tiers switch
    {
        CacheEntryTiers.Both => "L1 + L2",
        CacheEntryTiers.L1 => "L1",
        CacheEntryTiers.L2 => "L2",
        _ => "gone",
    };
}
