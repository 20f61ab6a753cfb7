using EmployeeDirectory.Core.Caching.Internal;
using EmployeeDirectory.Core.Caching.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// Registers the field cache for a <see cref="CacheContract"/>: options (validated at start-up), L1, and
/// Redis when <c>ConnectionStrings:Redis</c> is set; <see cref="IFieldCache"/> for services and
/// <see cref="ICacheOperator"/> for the admin console and health checks.
/// </summary>
public static class CacheHostingExtensions
{
    /// <summary>Name of the optional Redis connection string.</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>True when configuration names a Redis server (the cache then uses L2 and pub/sub).</summary>
    public static bool HasRedis(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionStringName));

    /// <summary>The registrations, reading <c>Cache</c> and <c>ConnectionStrings:Redis</c> from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddFieldCache(this IServiceCollection services, IConfiguration configuration, CacheContract contract)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contract);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(contract);
        services.AddOptions<CacheOptions>()
            .Bind(configuration.GetSection(CacheOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();
        services.AddSingleton(provider => new CachePolicies(contract, provider.GetRequiredService<IOptions<CacheOptions>>().Value));
        services.AddSingleton(provider => new CacheKeySpace(contract, provider.GetRequiredService<IOptions<CacheOptions>>().Value.Prefix));

        var redis = configuration.GetConnectionString(RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IConnectionMultiplexer>(provider =>
                ConnectionMultiplexer.Connect(RedisConfiguration(redis, provider.GetRequiredService<IOptions<CacheOptions>>().Value)));
        }

        services.AddSingleton<CacheMetrics>();
        services.AddSingleton<FieldCache>();
        services.AddSingleton<IFieldCache>(provider => provider.GetRequiredService<FieldCache>());
        services.AddSingleton<ICacheOperator, CacheOperator>();
        services.AddHostedService<FieldCacheStartup>();
        return services;
    }

    /// <summary>
    /// Redis settings for a cache that must never block the app: connect in the background, retry for
    /// ever, and fail a command after <see cref="CacheOptions.RedisTimeout"/> instead of the 5 s default.
    /// </summary>
    public static ConfigurationOptions RedisConfiguration(string connectionString, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        var timeout = (int)options.RedisTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Max(timeout, 2000);
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        configuration.ClientName ??= "employee-directory";
        return configuration;
    }
}
