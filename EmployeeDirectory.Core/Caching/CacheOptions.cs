using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// The <c>Cache</c> configuration section. Redis itself is configured by the optional
/// <c>ConnectionStrings:Redis</c>; without it, L1 alone serves. Policy lifetimes are declared in code by
/// the app's <see cref="CacheContract"/>; <see cref="Policies"/> only overrides them.
/// </summary>
public sealed class CacheOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cache";

    /// <summary>Prefix of every Redis key and channel, so several apps can share one Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.:-]{1,32}$", ErrorMessage = "Cache:Prefix must be 1-32 characters of letters, digits, '_', '.', ':' or '-'.")]
    public string Prefix { get; set; } = "ed:";

    /// <summary>Overrides of the declared policies, keyed by policy name (<c>Profile</c>, <c>Status</c>).</summary>
    public Dictionary<string, CachePolicyOptions> Policies { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Upper bound of this server's L1 memory, in megabytes of cached JSON.</summary>
    [Range(1, 64 * 1024)]
    public int L1SizeLimitMegabytes { get; set; } = 256;

    /// <summary>How long a Redis command may take before the read falls back to the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Consecutive Redis failures that open the circuit breaker.</summary>
    [Range(1, 100)]
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>How long the breaker stays open before one request probes Redis again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan BreakerOpenDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long sent outbox intents are kept. A server that lost its connection for less than this catches up by
    /// evicting exactly what changed meanwhile; after a longer outage it clears its L1 instead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often each server sends outbox intents left unsent (by a server that crashed after its commit),
    /// prunes sent ones, and checks the database's cache generation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
