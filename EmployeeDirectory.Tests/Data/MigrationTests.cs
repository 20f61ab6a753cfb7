using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EmployeeDirectory.Tests.Data;

public sealed class MigrationTests
{
    /// <summary>A server that does not exist: the SQL Server checks must never open a connection.</summary>
    private const string UnreachableSqlServer =
        "Server=tcp:sqlserver.invalid,1433;Database=EmployeeDirectory;User Id=sa;Password=unused;Connect Timeout=1";

    [Fact]
    public async Task MigratingAFreshSqliteFileCreatesTheDirectorySchema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .ToListAsync(ct);
        Assert.Contains("Departments", tables);
        Assert.Contains("Employees", tables);
        Assert.Equal(0, await db.Employees.CountAsync(ct));
    }

    [Fact]
    public async Task SqliteFileIsSwitchedToWriteAheadLogging()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(ct);

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public void SqliteModelHasNoChangesMissingFromItsMigrations()
    {
        using var db = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.True(db.Database.GetMigrations().Any(), "The SQLite context has no migrations.");
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: the model changed.");
    }

    [Fact]
    public void SqlServerModelHasNoChangesMissingFromItsMigrations()
    {
        using var db = CreateSqlServerContext();

        Assert.True(db.Database.GetMigrations().Any(), "The SQL Server context has no migrations.");
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: the model changed.");
    }

    [Fact]
    public void EachProviderOwnsOnlyItsOwnMigrations()
    {
        using var sqlite = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);
        using var sqlServer = CreateSqlServerContext();

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values;
        var sqlServerMigrations = sqlServer.GetService<IMigrationsAssembly>().Migrations.Values;

        Assert.All(sqliteMigrations, m => Assert.EndsWith(".Migrations.Sqlite", m.Namespace, StringComparison.Ordinal));
        Assert.All(sqlServerMigrations, m => Assert.EndsWith(".Migrations.SqlServer", m.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void SqlServerMigrationScriptIsGeneratedWithoutAServer()
    {
        using var db = CreateSqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Employees]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Departments]", script, StringComparison.Ordinal);
        Assert.Contains("[ConcurrencyStamp] uniqueidentifier NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Employees_NormalizedEmail]", script, StringComparison.Ordinal);
    }

    private static SqlServerDirectoryDbContext CreateSqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>().UseSqlServer(UnreachableSqlServer).Options);
}
