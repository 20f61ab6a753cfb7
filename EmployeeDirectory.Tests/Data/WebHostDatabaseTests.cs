using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.Data;

public sealed class WebHostDatabaseTests
{
    [Fact]
    public async Task TheWebAppRunsAgainstATestDatabaseThroughItsSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 12, cancellationToken: ct);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(database.Settings)));

        using var client = factory.CreateClient();
        var options = factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);

        Assert.Equal(database.ConnectionString, options.ConnectionString);
        Assert.Equal(0, options.SeedEmployees);
        Assert.Equal(12, await db.Employees.CountAsync(ct));
    }

    [Fact]
    public async Task SettingsGivenThroughUseSettingAlsoReachTheDataLayer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 12, cancellationToken: ct);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }
        });

        using var client = factory.CreateClient();
        var options = factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.Equal(database.ConnectionString, options.ConnectionString);
        Assert.Equal(0, options.SeedEmployees);
    }
}
