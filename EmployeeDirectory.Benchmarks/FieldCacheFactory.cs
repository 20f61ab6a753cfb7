using System.Diagnostics.Metrics;
using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Builds a <see cref="FieldCache"/> the way the app wires it (options, key space, metrics from a real
/// <see cref="IMeterFactory"/>, the system clock), with or without Redis.
/// </summary>
internal sealed class FieldCacheFactory : IAsyncDisposable
{
    private readonly ServiceProvider _metricsServices;

    private FieldCacheFactory(FieldCache cache, CacheMetrics metrics, IConnectionMultiplexer? redis, ServiceProvider metricsServices)
    {
        Cache = cache;
        Metrics = metrics;
        Redis = redis;
        _metricsServices = metricsServices;
    }

    public FieldCache Cache { get; }

    /// <summary>The metrics instance the cache records into (to time that part of the hit path alone).</summary>
    public CacheMetrics Metrics { get; }

    public IConnectionMultiplexer? Redis { get; }

    /// <summary>
    /// Status entries live an hour here (60 s in the app) so nothing expires in the middle of a run; the TTL
    /// does not change the cost of a hit. The Redis timeout is raised so a busy machine shows as a slow
    /// result rather than a loader call.
    /// </summary>
    public static async Task<FieldCacheFactory> CreateAsync(string? redisConnectionString)
    {
        var options = new CacheOptions
        {
            RedisTimeout = TimeSpan.FromSeconds(5),
            Policies = new CachePoliciesOptions
            {
                Status = new CachePolicyOptions { Ttl = TimeSpan.FromHours(1), Jitter = 0.1, L1Cap = TimeSpan.FromSeconds(10) },
            },
        };
        var metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var redis = redisConnectionString is null
            ? null
            : await ConnectionMultiplexer.ConnectAsync(CacheHostingExtensions.RedisConfiguration(redisConnectionString, options));
        var metrics = new CacheMetrics(metricsServices.GetRequiredService<IMeterFactory>());
        var cache = new FieldCache(
            Options.Create(options),
            new CacheKeySpace(options.Prefix),
            metrics,
            TimeProvider.System,
            NullLogger<FieldCache>.Instance,
            redis);
        await cache.StartAsync();
        return new FieldCacheFactory(cache, metrics, redis, metricsServices);
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        Metrics.Dispose();
        await _metricsServices.DisposeAsync();
    }
}
