using EmployeeDirectory.Core.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Builds a <see cref="FieldCache"/> through the app's own registration (<see cref="CacheHostingExtensions.AddFieldCache"/>
/// with the directory's contract: options, key space, metrics from a real meter factory, the system clock),
/// with or without Redis.
/// </summary>
internal sealed class FieldCacheFactory : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FieldCacheFactory(ServiceProvider services, IConnectionMultiplexer? redis)
    {
        _services = services;
        Redis = redis;
    }

    public FieldCache Cache => _services.GetRequiredService<FieldCache>();

    /// <summary>The metrics instance the cache records into (to time that part of the hit path alone).</summary>
    public CacheMetrics Metrics => _services.GetRequiredService<CacheMetrics>();

    /// <summary>The cache's own Redis connection, when it has one.</summary>
    public IConnectionMultiplexer? Redis { get; }

    /// <summary>
    /// Status entries live an hour here (60 s in the app) so nothing expires in the middle of a run; the TTL
    /// does not change the cost of a hit. The Redis timeout is raised so a busy machine shows as a slow
    /// result rather than a loader call.
    /// </summary>
    public static async Task<FieldCacheFactory> CreateAsync(string? redisConnectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redisConnectionString,
            ["Cache:RedisTimeout"] = "00:00:05",
            ["Cache:Policies:Status:Ttl"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddFieldCache(configuration, DirectoryCacheContract.Contract).BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            if (hosted is IHostedLifecycleService lifecycle)
            {
                await lifecycle.StartingAsync(CancellationToken.None);
            }

            await hosted.StartAsync(CancellationToken.None);
        }

        return new FieldCacheFactory(services, services.GetService<IConnectionMultiplexer>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
