using System.Diagnostics.Metrics;
using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// One "server's" field cache, wired like the app wires it, against a real redis-server when given one.
/// Each harness gets a unique key prefix unless told otherwise, so tests sharing a Redis never collide.
/// </summary>
public sealed class CacheHarness : IAsyncDisposable
{
    private readonly ServiceProvider _metricsServices;

    private CacheHarness(FieldCache cache, IConnectionMultiplexer? redis, ServiceProvider metricsServices, RecordingLogger<FieldCache> logs)
    {
        Cache = cache;
        Redis = redis;
        _metricsServices = metricsServices;
        Logs = logs;
    }

    public FieldCache Cache { get; }

    public IConnectionMultiplexer? Redis { get; }

    public IDatabase Db => Redis!.GetDatabase();

    public CacheKeySpace Keys => Cache.Keys;

    public RecordingLogger<FieldCache> Logs { get; }

    public static async Task<CacheHarness> StartAsync(
        string? redisConnectionString,
        string? prefix = null,
        Action<CacheOptions>? configure = null,
        TimeProvider? timeProvider = null)
    {
        var options = new CacheOptions { Prefix = prefix ?? $"t{Guid.NewGuid():N}"[..12] + ":" };
        configure?.Invoke(options);
        var metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var redis = redisConnectionString is null
            ? null
            : await ConnectionMultiplexer.ConnectAsync(CacheHostingExtensions.RedisConfiguration(redisConnectionString, options));
        var logs = new RecordingLogger<FieldCache>();
        var cache = new FieldCache(
            Options.Create(options),
            new CacheKeySpace(options.Prefix),
            new CacheMetrics(metricsServices.GetRequiredService<IMeterFactory>()),
            timeProvider ?? TimeProvider.System,
            logs,
            redis);
        await cache.StartAsync();
        return new CacheHarness(cache, redis, metricsServices, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        await _metricsServices.DisposeAsync();
    }
}
