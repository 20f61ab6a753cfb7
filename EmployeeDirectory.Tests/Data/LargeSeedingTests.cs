using System.Diagnostics;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Data.Seeding;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmployeeDirectory.Tests.Data;

public sealed class LargeSeedingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SeedingTheLargestRosterCompletesWellWithinTwoMinutes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        var seeder = new DatabaseSeeder(database.ContextFactory, TimeProvider.System, NullLogger<DatabaseSeeder>.Instance);

        var stopwatch = Stopwatch.StartNew();
        var added = await seeder.SeedAsync(DatabaseOptions.MaxSeedEmployees, ct);
        stopwatch.Stop();

        output.WriteLine($"Seeded {added:N0} employees in {stopwatch.Elapsed.TotalSeconds:F2} s");
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);
        Assert.Equal(DatabaseOptions.MaxSeedEmployees, added);
        Assert.Equal(DatabaseOptions.MaxSeedEmployees, await db.Employees.CountAsync(ct));
        Assert.Equal(DatabaseOptions.MaxSeedEmployees, await db.Employees.Select(e => e.NormalizedEmail).Distinct().CountAsync(ct));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(120));
    }
}
