namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>Where a key currently lives.</summary>
[Flags]
public enum CacheEntryTiers
{
    /// <summary>In neither tier (gone since it was listed).</summary>
    None = 0,

    /// <summary>This server's memory.</summary>
    L1 = 1,

    /// <summary>Redis.</summary>
    L2 = 2,

    /// <summary>Both tiers.</summary>
    Both = L1 | L2,
}
