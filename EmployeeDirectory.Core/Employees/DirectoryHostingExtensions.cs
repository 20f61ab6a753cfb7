using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Employees;

/// <summary>Registers the directory and presence services (they need the data layer and the field cache).</summary>
public static class DirectoryHostingExtensions
{
    /// <summary>Registers the directory and presence services on the app builder.</summary>
    public static IHostApplicationBuilder AddDirectoryServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDirectoryServices();
        return builder;
    }

    /// <summary>The same registrations on a bare service collection (tests, tools).</summary>
    public static IServiceCollection AddDirectoryServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmployeeLoader>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<IDirectoryService, DirectoryService>();
        services.AddSingleton<IPresenceService, PresenceService>();
        services.AddSingleton<IDirectoryChangeFeed, DirectoryChangeFeed>();
        return services;
    }
}
