namespace EmployeeDirectory.Web.Admin;

/// <summary>The cache's running totals at one moment, summed over policies; the chart plots the differences.</summary>
/// <param name="At">When the sample was taken.</param>
/// <param name="L1Hits">Lookups answered by this server's memory.</param>
/// <param name="L2Hits">Lookups answered by Redis.</param>
/// <param name="L1Misses">Lookups this server's memory could not answer.</param>
public sealed record CacheStatsSample(DateTimeOffset At, long L1Hits, long L2Hits, long L1Misses)
{
    /// <summary>Lookups neither tier answered (they went to the database, or joined a load already under way).</summary>
    public long Misses => L1Misses - L2Hits;
}
