using EmployeeDirectory.Core.Data.Seeding;
using EmployeeDirectory.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// Prepares the database before anything else starts (it runs in <see cref="StartingAsync"/>, ahead of
/// every hosted service's StartAsync and so ahead of the server): applies pending migrations, then seeds
/// the demo roster into an empty database.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<DirectoryDbContext> contextFactory,
    DatabaseSeeder seeder,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : StartupStep
{
    public override Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    /// <summary>Migrates (if enabled) and seeds (if configured and the database is empty).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await PrepareSqliteFileAsync(settings.ConnectionString, cancellationToken);
        }

        if (settings.ApplyMigrationsOnStartup)
        {
            await MigrateAsync(settings.Provider, cancellationToken);
        }
        else
        {
            Log.MigrationsSkipped(logger, settings.Provider);
        }

        if (settings.SeedEmployees > 0)
        {
            await seeder.SeedAsync(settings.SeedEmployees, cancellationToken);
        }
    }

    private async Task MigrateAsync(DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            Log.DatabaseUpToDate(logger, provider);
            return;
        }

        Log.ApplyingMigrations(logger, pending.Count, provider, pending);
        await db.Database.MigrateAsync(cancellationToken);
        Log.MigrationsApplied(logger, pending.Count);
    }

    /// <summary>
    /// Creates the file's folder and switches the file to write-ahead logging, so readers never wait
    /// for a status change being written (the mode is stored in the file; switching again is a no-op).
    /// </summary>
    private static async Task PrepareSqliteFileAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
            Message = "Applying {Count} pending migration(s) to the {Provider} database: {Migrations}")]
        public static partial void ApplyingMigrations(ILogger logger, int count, DatabaseProvider provider, IEnumerable<string> migrations);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Applied {Count} migration(s)")]
        public static partial void MigrationsApplied(ILogger logger, int count);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "The {Provider} database schema is up to date")]
        public static partial void DatabaseUpToDate(ILogger logger, DatabaseProvider provider);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
            Message = "Migrations on start-up are disabled (Database:ApplyMigrationsOnStartup); the {Provider} schema is assumed current")]
        public static partial void MigrationsSkipped(ILogger logger, DatabaseProvider provider);
    }
}
