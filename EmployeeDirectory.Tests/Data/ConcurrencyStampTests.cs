using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EmployeeDirectory.Tests.Data;

public sealed class ConcurrencyStampTests
{
    [Fact]
    public async Task SavingOverAnotherEditIsRejectedAsAConflict()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 5, cancellationToken: ct);
        await using var first = await database.ContextFactory.CreateDbContextAsync(ct);
        await using var second = await database.ContextFactory.CreateDbContextAsync(ct);
        var mine = await first.Employees.OrderBy(e => e.Id).FirstAsync(ct);
        var theirs = await second.Employees.SingleAsync(e => e.Id == mine.Id, ct);

        theirs.Title = "Chief of Staff";
        theirs.ConcurrencyStamp = Guid.NewGuid();
        await second.SaveChangesAsync(ct);
        mine.Title = "Staff Engineer";
        mine.ConcurrencyStamp = Guid.NewGuid();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(ct));
        await using var check = await database.ContextFactory.CreateDbContextAsync(ct);
        Assert.Equal("Chief of Staff", (await check.Employees.SingleAsync(e => e.Id == mine.Id, ct)).Title);
    }

    [Fact]
    public async Task SavingWithTheCurrentStampSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(employees: 5, cancellationToken: ct);
        await using var db = await database.ContextFactory.CreateDbContextAsync(ct);
        var employee = await db.Employees.OrderBy(e => e.Id).FirstAsync(ct);

        employee.Title = "Staff Engineer";
        employee.ConcurrencyStamp = Guid.NewGuid();

        Assert.Equal(1, await db.SaveChangesAsync(ct));
    }

    [Fact]
    public void BothProvidersTreatTheStampAsAnApplicationSetToken()
    {
        using var sqlite = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);

        foreach (DirectoryDbContext db in new DirectoryDbContext[] { sqlite, sqlServer })
        {
            var stamp = db.Model.FindEntityType(typeof(Employee))!.FindProperty(nameof(Employee.ConcurrencyStamp))!;
            Assert.True(stamp.IsConcurrencyToken);
            Assert.Equal(ValueGenerated.Never, stamp.ValueGenerated);
            Assert.Equal(typeof(Guid), stamp.ClrType);
        }
    }
}
