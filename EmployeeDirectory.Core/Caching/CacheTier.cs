namespace EmployeeDirectory.Core.Caching;

/// <summary>Where a cached read was answered.</summary>
public enum CacheTier
{
    /// <summary>This server's memory.</summary>
    L1 = 0,

    /// <summary>Redis, shared by every server.</summary>
    L2 = 1,

    /// <summary>The loader (the database), after both tiers missed.</summary>
    Loader = 2,
}
