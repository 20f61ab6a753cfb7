using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>Accounts, roles and API keys live in the directory database, migrated on both providers.</summary>
public sealed class AccountSchemaTests
{
    private static readonly string[] AccountTables =
        ["AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims", "ApiKeys"];

    [Fact]
    public async Task MigratingSqliteCreatesTheAccountAndKeyTables()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync(ct);
        var keyIndex = await db.Database
            .SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND name = 'IX_ApiKeys_KeyHash'")
            .SingleAsync(ct);

        Assert.All(AccountTables, table => Assert.Contains(table, tables));
        Assert.StartsWith("CREATE UNIQUE INDEX", keyIndex, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSqlServerScriptCreatesTheAccountAndKeyTables()
    {
        using var db = new SqlServerDirectoryDbContext(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>()
            .UseSqlServer("Server=tcp:sqlserver.invalid,1433;Database=EmployeeDirectory;User Id=sa;Password=unused;Connect Timeout=1")
            .Options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.All(AccountTables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
        Assert.Contains("[KeyHash] binary(32) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ApiKeys_KeyHash]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UserNameIndex]", script, StringComparison.Ordinal);
    }
}
