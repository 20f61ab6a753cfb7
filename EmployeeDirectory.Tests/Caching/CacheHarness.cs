using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Internal;
using EmployeeDirectory.Core.Caching.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// One "server's" field cache, registered exactly as the app registers it (<see cref="CacheHostingExtensions.AddFieldCache"/>
/// with the directory's contract and configuration keys), against a real redis-server when given one. Each
/// harness gets a unique key prefix unless told otherwise, so tests sharing a Redis never collide.
/// </summary>
public sealed class CacheHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IConnectionMultiplexer? _probe;

    private CacheHarness(ServiceProvider services, IConnectionMultiplexer? probe, RecordingLogger<FieldCache> logs)
    {
        _services = services;
        _probe = probe;
        Logs = logs;
    }

    /// <summary>The cache as services see it.</summary>
    public IFieldCache Cache => Engine;

    /// <summary>The cache as the console and health checks see it.</summary>
    public ICacheOperator Operator => _services.GetRequiredService<ICacheOperator>();

    /// <summary>The same cache with its internals in reach (L1, Redis state, local clear).</summary>
    internal FieldCache Engine => _services.GetRequiredService<FieldCache>();

    /// <summary>The options as bound and validated.</summary>
    public CacheOptions Options => _services.GetRequiredService<IOptions<CacheOptions>>().Value;

    public CachePolicies Policies => _services.GetRequiredService<CachePolicies>();

    /// <summary>A connection of the test's own to the same Redis, to look at what the cache wrote.</summary>
    public IDatabase Db => (_probe ?? throw new InvalidOperationException("This harness has no Redis.")).GetDatabase();

    public CacheKeySpace Keys => Cache.Keys;

    internal RecordingLogger<FieldCache> Logs { get; }

    /// <param name="redisConnectionString">A real redis-server, or null for L1 alone.</param>
    /// <param name="prefix">Share a prefix to play several servers of one deployment; a unique one by default.</param>
    /// <param name="settings">Further configuration, as the app reads it (<c>Cache:Policies:Status:Ttl</c>).</param>
    /// <param name="timeProvider">A clock the test controls, when it needs one.</param>
    public static async Task<CacheHarness> StartAsync(
        string? redisConnectionString,
        string? prefix = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redisConnectionString,
                ["Cache:Prefix"] = prefix ?? $"t{Guid.NewGuid():N}"[..12] + ":",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var logs = new RecordingLogger<FieldCache>();
        var services = new ServiceCollection().AddLogging().AddSingleton<ILogger<FieldCache>>(logs);
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddFieldCache(configuration, DirectoryCacheContract.Contract);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<IOptions<CacheOptions>>().Value;
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            if (hosted is IHostedLifecycleService lifecycle)
            {
                await lifecycle.StartingAsync(TestContext.Current.CancellationToken);
            }

            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        var probe = redisConnectionString is null ? null : await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        return new CacheHarness(provider, probe, logs);
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
