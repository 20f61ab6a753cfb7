namespace EmployeeDirectory.Core.Caching;

/// <summary>Where a key currently lives.</summary>
[Flags]
public enum CacheEntryTiers
{
    None = 0,

    /// <summary>This server's memory.</summary>
    L1 = 1,

    /// <summary>Redis.</summary>
    L2 = 2,

    /// <summary>Both tiers.</summary>
    Both = L1 | L2,
}
