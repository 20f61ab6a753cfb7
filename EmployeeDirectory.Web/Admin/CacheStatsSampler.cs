using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// Samples the cache's statistics every <see cref="Interval"/> into a ring buffer of <see cref="Capacity"/>
/// samples (the last ten minutes), so the console's hit/miss chart has a history as soon as it opens.
/// </summary>
public sealed class CacheStatsSampler(ICacheOperator cache, TimeProvider timeProvider) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public const int Capacity = 120;

    private readonly CacheStatsSample[] _ring = new CacheStatsSample[Capacity];
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    /// <summary>The samples held, oldest first.</summary>
    public IReadOnlyList<CacheStatsSample> History()
    {
        lock (_gate)
        {
            var samples = new CacheStatsSample[_count];
            for (var i = 0; i < _count; i++)
            {
                samples[i] = _ring[(_next - _count + i + Capacity) % Capacity];
            }

            return samples;
        }
    }

    /// <summary>Reads the statistics now and appends them, dropping the oldest sample when full.</summary>
    public CacheStatsSample Sample()
    {
        var statistics = cache.Statistics;
        long l1Hits = 0, l2Hits = 0, l1Misses = 0;
        foreach (var policy in cache.Policies.All)
        {
            l1Hits += statistics.Hits(CacheTier.L1, policy);
            l2Hits += statistics.Hits(CacheTier.L2, policy);
            l1Misses += statistics.Misses(CacheTier.L1, policy);
        }

        var sample = new CacheStatsSample(timeProvider.GetUtcNow(), l1Hits, l2Hits, l1Misses);
        lock (_gate)
        {
            _ring[_next] = sample;
            _next = (_next + 1) % Capacity;
            _count = Math.Min(_count + 1, Capacity);
        }

        return sample;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        Sample();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
