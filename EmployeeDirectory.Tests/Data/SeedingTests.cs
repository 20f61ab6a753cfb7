using EmployeeDirectory.Core.Data.Seeding;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmployeeDirectory.Tests.Data;

public sealed class SeedingTests
{
    [Fact]
    public async Task SeedingAnEmptyDatabaseAddsExactlyTheRequestedRoster()
    {
        var ct = TestContext.Current.CancellationToken;
        var started = DateTimeOffset.UtcNow;
        await using var database = await TestDatabase.CreateAsync(employees: 500, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);

        var employees = await db.Employees.AsNoTracking().Include(e => e.Department).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);

        Assert.Equal(500, employees.Count);
        Assert.Equal(20, departments.Count);
        Assert.Equal(departments.Count, employees.Select(e => e.DepartmentId).Distinct().Count());
        Assert.Equal(employees.Count, employees.Select(e => e.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(employees, e =>
        {
            Assert.Equal(e.Email.ToLowerInvariant(), e.Email);
            Assert.EndsWith("@contoso.example", e.Email, StringComparison.Ordinal);
            Assert.Equal(e.Email.ToUpperInvariant(), e.NormalizedEmail);
            Assert.Equal($"{e.GivenName} {e.FamilyName}", e.DisplayName);
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.False(string.IsNullOrWhiteSpace(e.Phone));
            Assert.Matches(@"^[A-Za-z ]+, Floor \d+$", e.Location);
            Assert.True(e.PresenceNote is null || e.PresenceNote.Length <= Employee.MaxNoteLength);
            Assert.NotNull(e.PresenceChangedAt);
            Assert.InRange(e.PresenceChangedAt.Value, started.AddDays(-1), DateTimeOffset.UtcNow);
        });
        Assert.InRange(employees.Count(e => e.Presence == PresenceStatus.In), 150, 350);
        Assert.InRange(employees.Count(e => e.PresenceNote is not null), 50, 300);
        Assert.InRange(employees.Select(e => e.Location.Split(',')[0]).Distinct().Count(), 4, 8);
    }

    [Fact]
    public async Task EveryDepartmentHasOneHeadAndTitlesThatFitIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 500, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);

        var titlesByDepartment = await db.Employees.AsNoTracking()
            .GroupBy(e => e.Department!.Name)
            .Select(g => new { Department = g.Key, Titles = g.Select(e => e.Title).ToList() })
            .ToListAsync(ct);

        Assert.All(titlesByDepartment, group =>
        {
            var catalog = DemoDepartments.All.Single(d => d.Name == group.Department);
            Assert.Single(group.Titles, t => t == catalog.HeadTitle);
            Assert.All(group.Titles, t => Assert.True(
                t == catalog.HeadTitle || catalog.Titles.Contains(t), $"'{t}' does not belong in {group.Department}."));
        });
    }

    [Fact]
    public async Task SeededRowsReadBackExactlyAsGenerated()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.FromHours(2)));
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        var seeder = new DatabaseSeeder(database.ContextFactory, clock, NullLogger<DatabaseSeeder>.Instance);

        await seeder.SeedAsync(250, ct);

        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);
        var departmentIds = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        var stored = await db.Employees.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var expected = DemoRosterGenerator.Generate(250, departmentIds, clock.GetUtcNow()).ToList();
        Assert.Equal(expected.ConvertAll(Describe), stored.ConvertAll(Describe));
        Assert.Equal(
            DemoRosterGenerator.DepartmentNames,
            await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync(ct));
    }

    [Fact]
    public async Task TwoSeededDatabasesHoldTheSameRoster()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await TestDatabase.CreateAsync(employees: 200, cancellationToken: ct);
        await using var second = await TestDatabase.CreateAsync(employees: 200, cancellationToken: ct);

        var firstRoster = await FirstEmployeesAsync(first, ct);
        var secondRoster = await FirstEmployeesAsync(second, ct);

        Assert.Equal(25, firstRoster.Count);
        Assert.Equal(firstRoster, secondRoster);
    }

    [Fact]
    public async Task SeedingADatabaseThatHasEmployeesAddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 30, cancellationToken: ct);
        var seeder = CreateSeeder(database);

        var added = await seeder.SeedAsync(100, ct);

        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);
        Assert.Equal(0, added);
        Assert.Equal(30, await db.Employees.CountAsync(ct));
        Assert.Equal(20, await db.Departments.CountAsync(ct));
    }

    [Fact]
    public async Task SeedingADatabaseThatOnlyHasDepartmentsAddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        await using (var setup = await database.ContextFactory.CreateDbContextAsync(ct))
        {
            setup.Departments.Add(new Department { Name = "Skunkworks" });
            await setup.SaveChangesAsync(ct);
        }

        var added = await CreateSeeder(database).SeedAsync(100, ct);

        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);
        Assert.Equal(0, added);
        Assert.Equal(0, await db.Employees.CountAsync(ct));
        Assert.Equal(1, await db.Departments.CountAsync(ct));
    }

    [Fact]
    public async Task SeedingNoEmployeesLeavesTheDatabaseEmpty()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 0, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);

        Assert.False(await db.Departments.AnyAsync(ct));
        Assert.False(await db.Employees.AnyAsync(ct));
    }

    private static DatabaseSeeder CreateSeeder(TestDatabase database) =>
        new(database.ContextFactory, TimeProvider.System, NullLogger<DatabaseSeeder>.Instance);

    private static string Describe(Employee e) =>
        $"{e.GivenName}|{e.FamilyName}|{e.DisplayName}|{e.Title}|{e.DepartmentId}|{e.Email}|{e.NormalizedEmail}|" +
        $"{e.Phone}|{e.Location}|{e.Presence}|{e.PresenceNote}|{e.PresenceChangedAt:O}|{e.PresenceChangedBy}|" +
        $"{e.ConcurrencyStamp}";

    private static async Task<List<string>> FirstEmployeesAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);
        var employees = await db.Employees.AsNoTracking().Include(e => e.Department)
            .OrderBy(e => e.Id).Take(25).ToListAsync(ct);
        return employees.ConvertAll(e =>
            $"{e.DisplayName}|{e.Email}|{e.Title}|{e.Department!.Name}|{e.Location}|{e.Phone}|{e.Presence}|" +
            $"{e.PresenceNote}|{e.PresenceChangedBy}|{e.ConcurrencyStamp}");
    }
}
