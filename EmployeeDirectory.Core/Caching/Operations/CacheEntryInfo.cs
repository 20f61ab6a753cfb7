namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>One live key as the admin console lists it.</summary>
/// <param name="Key">Full key, prefix included.</param>
/// <param name="Policy">Its field policy, from the key space.</param>
/// <param name="Tiers">Where it lives right now.</param>
/// <param name="L1Remaining">
/// Time left of this server's copy; null when not in L1; <see cref="TimeSpan.MaxValue"/> for an aggregate's copy,
/// which does not expire but is kept current by every write's patches.
/// </param>
/// <param name="L2Remaining">Time left in Redis (PTTL); null when not in Redis.</param>
/// <param name="SizeBytes">Size of the JSON value.</param>
public sealed record CacheEntryInfo(
    string Key,
    CachePolicy Policy,
    CacheEntryTiers Tiers,
    TimeSpan? L1Remaining,
    TimeSpan? L2Remaining,
    long SizeBytes);
