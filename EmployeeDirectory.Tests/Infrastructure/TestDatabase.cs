using EmployeeDirectory.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in the temp folder, migrated and seeded with the deterministic demo roster through
/// the production start-up path, deleted (with its -wal and -shm files) on dispose.
/// <code>
/// await using var db = await TestDatabase.CreateAsync(employees: 50);
/// await using var context = await db.ContextFactory.CreateDbContextAsync();
/// db.AddTo(services);   // a service collection of your own, or for a WebApplicationFactory:
/// foreach (var (key, value) in db.Settings) { builder.UseSetting(key, value); }
/// </code>
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TestDatabase(string filePath, string connectionString, ServiceProvider services)
    {
        FilePath = filePath;
        ConnectionString = connectionString;
        this.services = services;
        ContextFactory = services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
    }

    /// <summary>Path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>SQLite connection string of the file.</summary>
    public string ConnectionString { get; }

    /// <summary>The same pooled factory the application registers, pointed at this file.</summary>
    public IDbContextFactory<DirectoryDbContext> ContextFactory { get; }

    /// <summary>
    /// Configuration that points a host's <c>AddDirectoryData()</c> at this file without re-seeding it,
    /// e.g. through <c>IWebHostBuilder.UseSetting</c> in a <c>WebApplicationFactory</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = ConnectionString,
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ApplyMigrationsOnStartup)}"] = "true",
    };

    /// <summary>Reads the file directly, bypassing services and caches: what the data says.</summary>
    public async Task<T> QueryAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await ContextFactory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Creates the file, applies the SQLite migrations and seeds <paramref name="employees"/> demo employees.</summary>
    public static async Task<TestDatabase> CreateAsync(
        int employees = 50, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var filePath = Path.Combine(Path.GetTempPath(), $"employee-directory-test-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = filePath }.ToString();

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        Register(collection, connectionString, employees);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var database = new TestDatabase(filePath, connectionString, provider);
        try
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Registers the data layer into <paramref name="services"/> against this file (no start-up
    /// migration or seeding: the file is ready). Services then resolve
    /// <see cref="IDbContextFactory{DirectoryDbContext}"/> as they do in the application.
    /// </summary>
    public IServiceCollection AddTo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Register(services, ConnectionString, seedEmployees: 0);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var path in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static IServiceCollection Register(IServiceCollection services, string connectionString, int seedEmployees)
    {
        services.AddDirectoryDatabase();
        services.Configure<DatabaseOptions>(options =>
        {
            options.Provider = DatabaseProvider.Sqlite;
            options.ConnectionString = connectionString;
            options.SeedEmployees = seedEmployees;
            options.ApplyMigrationsOnStartup = true;
        });
        return services;
    }
}
