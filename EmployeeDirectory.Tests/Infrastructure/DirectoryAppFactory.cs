using System.Globalization;
using EmployeeDirectory.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// The whole application over its own temporary SQLite file, seeded with a small roster. In memory
/// (TestServer) by default; <see cref="StartKestrel"/> puts it on a real loopback port for a browser.
/// The database file is deleted on dispose. Use it as a class fixture, or <see cref="Create"/> it with
/// Redis, another environment or extra settings.
/// </summary>
public class DirectoryAppFactory : WebApplicationFactory<Program>
{
    public const int SeedEmployees = 60;

    private readonly string? redisConnectionString;
    private readonly string environment;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private Uri? serverAddress;
    private bool databaseDeleted;

    public DirectoryAppFactory()
        : this(redisConnectionString: null, Environments.Development, settings: null)
    {
    }

    protected DirectoryAppFactory(string? redisConnectionString, string environment, IReadOnlyDictionary<string, string?>? settings)
    {
        this.redisConnectionString = redisConnectionString;
        this.environment = environment;
        this.settings = settings ?? new Dictionary<string, string?>();
        DatabasePath = Path.Combine(Path.GetTempPath(), $"employee-directory-{Guid.NewGuid():N}.db");
    }

    /// <summary>Path of this instance's SQLite file.</summary>
    public string DatabasePath { get; }

    public string DatabaseConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    /// <summary>Base address of the real server; only after <see cref="StartKestrel"/>.</summary>
    public Uri ServerAddress =>
        serverAddress ?? throw new InvalidOperationException("Call StartKestrel() before asking for the server address.");

    /// <param name="redisConnectionString">Sets <c>ConnectionStrings:Redis</c> (L2 cache and pub/sub); none by default.</param>
    /// <param name="environment">Hosting environment; Development by default.</param>
    /// <param name="settings">Further configuration, e.g. <c>Cache:Policies:Status:Ttl</c>.</param>
    public static DirectoryAppFactory Create(
        string? redisConnectionString = null,
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null) =>
        new(redisConnectionString, environment, settings);

    /// <summary>Starts the app on Kestrel at a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        if (serverAddress is null)
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
            serverAddress = new Uri(address);
        }

        return serverAddress;
    }

    /// <summary>A client that fails the test on any 5xx, whatever the test itself asserts.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateDefaultClient(new ServerErrorGuard());
        if (serverAddress is not null)
        {
            client.BaseAddress = serverAddress;
        }

        return client;
    }

    /// <summary>Reads the database directly, bypassing the services and their cache: what the data says.</summary>
    public async Task<T> QueryDatabaseAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var contexts = Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        return await query(context);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting, not ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseEnvironment(environment);
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", DatabaseConnectionString);
        builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}", SeedEmployees.ToString(CultureInfo.InvariantCulture));
        if (redisConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Redis", redisConnectionString);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            // Even when the host fails to shut down cleanly the file must go; the failure still surfaces.
            DeleteDatabase();
            GC.SuppressFinalize(this);
        }
    }

    private void DeleteDatabase()
    {
        if (databaseDeleted)
        {
            return;
        }

        databaseDeleted = true;
        using (var connection = new SqliteConnection(DatabaseConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(DatabasePath + suffix);
            }
            catch (IOException)
            {
                // Best effort: a leftover file in the temp folder must not fail the test run.
            }
        }
    }
}
