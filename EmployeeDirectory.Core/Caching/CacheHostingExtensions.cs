using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching;

/// <summary>Registers the field cache: options (validated at start-up), L1, and Redis when <c>ConnectionStrings:Redis</c> is set.</summary>
public static class CacheHostingExtensions
{
    /// <summary>Name of the optional Redis connection string.</summary>
    public const string RedisConnectionStringName = "Redis";

    public static IHostApplicationBuilder AddDirectoryCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();
        services.AddSingleton<IValidateOptions<CacheOptions>, CachePolicyLimitsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CacheKeySpace>();
        services.AddSingleton<CacheMetrics>();

        var redis = builder.Configuration.GetConnectionString(RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IConnectionMultiplexer>(provider =>
                ConnectionMultiplexer.Connect(RedisConfiguration(redis, provider.GetRequiredService<IOptions<CacheOptions>>().Value)));
        }

        services.AddSingleton(provider => new FieldCache(
            provider.GetRequiredService<IOptions<CacheOptions>>(),
            provider.GetRequiredService<CacheKeySpace>(),
            provider.GetRequiredService<CacheMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<FieldCache>>(),
            provider.GetService<IConnectionMultiplexer>()));
        services.AddSingleton<IFieldCache>(provider => provider.GetRequiredService<FieldCache>());
        services.AddSingleton<CacheInspector>();
        services.AddHostedService<FieldCacheStartup>();
        return builder;
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
