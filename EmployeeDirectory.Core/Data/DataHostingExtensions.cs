using EmployeeDirectory.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Data;

/// <summary>Registers the directory database.</summary>
public static class DataHostingExtensions
{
    /// <summary>
    /// Binds and validates <see cref="DatabaseOptions"/> (section <c>Database</c>, connection string
    /// <c>ConnectionStrings:Directory</c>), registers <see cref="IDbContextFactory{DirectoryDbContext}"/>
    /// for the configured provider and a start-up step that migrates and seeds an empty database before
    /// the server accepts requests.
    /// </summary>
    public static IHostApplicationBuilder AddDirectoryData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<DatabaseOptions>, DatabaseConnectionResolver>();
        builder.Services.AddDirectoryDatabase();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseInitializer>());
        return builder;
    }

    /// <summary>
    /// Registers the context factories, the seeder and <see cref="DatabaseInitializer"/> without binding
    /// configuration or starting anything: the caller configures <see cref="DatabaseOptions"/>. Tests use
    /// this to point the data layer at a database of their own.
    /// </summary>
    public static IServiceCollection AddDirectoryDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Both pools are registered; only the configured provider's is ever created.
        services.AddPooledDbContextFactory<SqliteDirectoryDbContext>(
            (provider, options) => options.UseSqlite(ConnectionStringOf(provider)));
        services.AddPooledDbContextFactory<SqlServerDirectoryDbContext>(
            (provider, options) => options.UseSqlServer(ConnectionStringOf(provider)));
        services.TryAddSingleton<IDbContextFactory<DirectoryDbContext>>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.SqlServer => new DirectoryDbContextFactory<SqlServerDirectoryDbContext>(
                    provider.GetRequiredService<IDbContextFactory<SqlServerDirectoryDbContext>>()),
                _ => new DirectoryDbContextFactory<SqliteDirectoryDbContext>(
                    provider.GetRequiredService<IDbContextFactory<SqliteDirectoryDbContext>>()),
            });

        services.TryAddSingleton<DatabaseSeeder>();
        services.TryAddSingleton<DatabaseInitializer>();
        return services;
    }

    private static string ConnectionStringOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
}
