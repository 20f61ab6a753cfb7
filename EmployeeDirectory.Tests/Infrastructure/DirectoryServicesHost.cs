using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Internal;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// The Core services composed as Program.cs composes them (data, cache, services), minus the web host:
/// over a <see cref="TestDatabase"/> file and, when given, a real Redis. Each host is one "server".
/// </summary>
public sealed class DirectoryServicesHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DirectoryServicesHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IDirectoryService Directory => Services.GetRequiredService<IDirectoryService>();

    public IPresenceService Presence => Services.GetRequiredService<IPresenceService>();

    public IFieldCache Cache => Services.GetRequiredService<IFieldCache>();

    /// <summary>The same cache with its internals in reach (L1, Redis state).</summary>
    internal FieldCache Engine => Services.GetRequiredService<FieldCache>();

    public CacheKeySpace Keys => Cache.Keys;

    /// <param name="database">The database this "server" shares with any other started on it.</param>
    /// <param name="redisConnectionString">A real redis-server, or null for L1 alone.</param>
    /// <param name="prefix">Share a prefix to play several servers of one deployment.</param>
    /// <param name="settings">Further configuration, as the app reads it (<c>Cache:OutboxSweepInterval</c>).</param>
    /// <param name="services">Changes to the services, applied after their own registrations.</param>
    public static async Task<DirectoryServicesHost> StartAsync(
        TestDatabase database,
        string? redisConnectionString = null,
        string prefix = "ed:",
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redisConnectionString,
            ["Cache:Prefix"] = prefix,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        database.AddTo(builder.Services);
        builder.AddDirectoryCache();
        builder.AddDirectoryServices();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new DirectoryServicesHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
