using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Registers the directory, presence, history (with its privacy rule) and roll call services (they need the data layer and the field
/// cache), and their background work: the back-at timer and the history's pruning.
/// </summary>
public static class DirectoryHostingExtensions
{
    /// <summary>Registers the services on the app builder, with <c>PresenceHistory</c> bound from configuration and validated at start-up.</summary>
    public static IHostApplicationBuilder AddDirectoryServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDirectoryServices();
        builder.Services.AddOptions<PresenceHistoryOptions>()
            .BindConfiguration(PresenceHistoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<StatusPrivacyOptions>().BindConfiguration(StatusPrivacyOptions.SectionName);
        return builder;
    }

    /// <summary>The same registrations on a bare service collection (tests, tools).</summary>
    public static IServiceCollection AddDirectoryServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PresenceHistoryOptions>();
        services.AddOptions<StatusPrivacyOptions>();
        services.AddSingleton<StatusPrivacy>();
        services.AddSingleton<EmployeeLoader>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<IDirectoryService, DirectoryService>();
        services.AddSingleton<PresenceService>();
        services.AddSingleton<IPresenceService>(provider => provider.GetRequiredService<PresenceService>());
        services.AddSingleton<IPresenceHistory, PresenceHistory>();
        services.AddSingleton<IRollCallService, RollCallService>();
        services.AddSingleton<IDirectoryExport, DirectoryExport>();
        services.AddSingleton<DirectoryChangeFeed>();
        services.AddSingleton<IDirectoryChangeFeed>(provider => provider.GetRequiredService<DirectoryChangeFeed>());
        services.AddSingleton<PresenceHistoryPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<PresenceHistoryPruner>());
        services.AddSingleton<PresenceExpiry>();
        services.AddHostedService(provider => provider.GetRequiredService<PresenceExpiry>());
        return services;
    }
}
