namespace EmployeeDirectory.Core.Caching;

/// <summary>The lifetimes of one <see cref="CachePolicy"/>, as declared or as configured.</summary>
/// <param name="Ttl">Logical time to live: what Redis reports with TTL/PTTL.</param>
/// <param name="Jitter">Relative jitter applied to <paramref name="Ttl"/>, 0 to 0.5 (0.1 means ±10%).</param>
/// <param name="L1Cap">Longest a server keeps its own copy while Redis is configured; at most <paramref name="Ttl"/>.</param>
public sealed record CachePolicySettings(TimeSpan Ttl, double Jitter, TimeSpan L1Cap)
{
    /// <summary>Shortest accepted TTL.</summary>
    public static readonly TimeSpan MinTtl = TimeSpan.FromSeconds(1);

    /// <summary>Longest accepted TTL.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(30);

    /// <summary>
    /// Shortest accepted L1 cap: two ticks of the clock L1 reads. A copy's lifetime is shortened by one tick and a
    /// lifetime of a tick or less is not kept at all, so a shorter cap would keep copies for less than half of it,
    /// or turn L1 off for the policy without a word.
    /// </summary>
    public static readonly TimeSpan MinL1Cap = Internal.CoarseClock.Resolution * 2;

    /// <summary>Largest accepted jitter.</summary>
    public const double MaxJitter = 0.5;

    /// <summary>A TTL drawn with the jitter: entries loaded together do not expire together.</summary>
    public TimeSpan JitteredTtl() => Ttl * (1 + (((Random.Shared.NextDouble() * 2) - 1) * Jitter));

    /// <summary>Every rule these settings break, each naming the setting under <paramref name="section"/>.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (Ttl < MinTtl || Ttl > MaxTtl)
        {
            yield return $"{section}:Ttl ({Ttl}) must be between {MinTtl} and {MaxTtl}.";
        }

        if (Jitter is < 0 or > MaxJitter || double.IsNaN(Jitter))
        {
            yield return $"{section}:Jitter ({Jitter}) must be between 0 and {MaxJitter}.";
        }

        if (L1Cap < MinL1Cap)
        {
            yield return $"{section}:L1Cap ({L1Cap}) must be at least {MinL1Cap}.";
        }

        if (L1Cap > Ttl)
        {
            yield return $"{section}:L1Cap ({L1Cap}) must not exceed {section}:Ttl ({Ttl}).";
        }
    }
}
