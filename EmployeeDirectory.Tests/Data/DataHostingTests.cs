using EmployeeDirectory.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.Data;

public sealed class DataHostingTests : IDisposable
{
    private readonly string contentRoot = Directory.CreateTempSubdirectory("employee-directory-host-").FullName;

    [Fact]
    public async Task StartingTheHostCreatesMigratesAndSeedsTheDefaultSqliteFile()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BuildHost(new() { ["Database:SeedEmployees"] = "40" });

        await host.StartAsync(ct);

        var factory = host.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        Assert.IsType<SqliteDirectoryDbContext>(db);
        Assert.True(File.Exists(Path.Combine(contentRoot, "data", "directory.db")));
        Assert.Equal(40, await db.Employees.CountAsync(ct));
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task RestartingTheHostKeepsTheExistingRoster()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var first = BuildHost(new() { ["Database:SeedEmployees"] = "40" }))
        {
            await first.StartAsync(ct);
            await first.StopAsync(ct);
        }

        using var second = BuildHost(new() { ["Database:SeedEmployees"] = "90" });
        await second.StartAsync(ct);

        var factory = second.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        Assert.Equal(40, await db.Employees.CountAsync(ct));
        await second.StopAsync(ct);
    }

    [Fact]
    public async Task AConfiguredConnectionStringWinsOverTheDefaultFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(contentRoot, "elsewhere", "custom.db");
        using var host = BuildHost(new()
        {
            ["ConnectionStrings:Directory"] = $"Data Source={file}",
            ["Database:SeedEmployees"] = "3",
        });

        await host.StartAsync(ct);

        Assert.True(File.Exists(file));
        Assert.False(File.Exists(Path.Combine(contentRoot, "data", "directory.db")));
        await host.StopAsync(ct);
    }

    [Theory]
    [InlineData("Database:SeedEmployees", "100001", "SeedEmployees")]
    [InlineData("Database:SeedEmployees", "-1", "SeedEmployees")]
    [InlineData("Database:Provider", "7", "Provider")]
    [InlineData("Database:Provider", "SqlServer", "ConnectionStrings:Directory")]
    [InlineData("ConnectionStrings:Directory", "Data Source=x.db;Bogus Keyword=1", "ConnectionStrings:Directory")]
    public async Task InvalidSettingsStopTheHostAtStartUpWithAClearMessage(string key, string value, string mentioned)
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BuildHost(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(contentRoot, "data")));
    }

    [Fact]
    public async Task TheSqlServerProviderHandsOutSqlServerContextsWithoutConnecting()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BuildHost(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Directory"] = "Server=tcp:sqlserver.invalid,1433;Database=EmployeeDirectory;Connect Timeout=1",
        });

        var factory = host.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);

        Assert.IsType<SqlServerDirectoryDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(contentRoot, recursive: true);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = "Testing",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDirectoryData();
        return builder.Build();
    }
}
