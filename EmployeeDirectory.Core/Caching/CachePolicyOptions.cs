using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// Lifetimes of one field policy (<c>Cache:Policies:Profile</c>, <c>Cache:Policies:Status</c>).
/// </summary>
/// <remarks>
/// An entry written to Redis lives <see cref="Ttl"/> scaled by a random factor in
/// [1 - <see cref="Jitter"/>, 1 + <see cref="Jitter"/>], so entries loaded together do not expire together.
/// A server's own memory copy (L1) lives at most <see cref="L1Cap"/> and never longer than the Redis entry
/// it copied. The cap bounds what a lost invalidation message can cost, so keep it short when Redis is
/// configured. Without Redis there is nothing to copy from and nobody else to hear from: L1 then holds
/// entries for the full (jittered) <see cref="Ttl"/>.
/// </remarks>
public sealed class CachePolicyOptions
{
    /// <summary>Logical time to live, as Redis reports it with TTL/PTTL.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Ttl { get; set; }

    /// <summary>Relative jitter applied to <see cref="Ttl"/>, 0 to 0.5 (0.1 means ±10%).</summary>
    [Range(0.0, 0.5)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>Longest a server keeps its own copy while Redis is configured. Must not exceed <see cref="Ttl"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "30.00:00:00")]
    public TimeSpan L1Cap { get; set; }
}
