using System.Diagnostics;
using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// Fills an empty database with the demo roster in one transaction: departments through EF, then the
/// employees streamed from the generator into multi-row inserts (<see cref="BulkInserter{TEntity}"/>), then a few
/// days of status history per employee the same way. While it runs the database says so (no aggregate is
/// read, so none is cached, from the empty roster); the same transaction moves the database to a new cache
/// generation, so nothing a cache holds from an earlier life of the database is read again.
/// </summary>
internal sealed partial class DatabaseSeeder(
    IDbContextFactory<DirectoryDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<DatabaseSeeder> logger)
{
    /// <summary>Seeds <paramref name="employeeCount"/> employees; returns how many were added (0 if the database had data).</summary>
    public async Task<int> SeedAsync(int employeeCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(employeeCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(employeeCount, DatabaseOptions.MaxSeedEmployees);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await HasDataAsync(db, cancellationToken))
        {
            Log.SeedingSkipped(logger);
            return 0;
        }

        Log.Seeding(logger, employeeCount);
        var stopwatch = Stopwatch.StartNew();
        await MarkSeedingAsync(db, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        try
        {
            await InsertRosterAsync(db, employeeCount, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance seeding at the same moment wins the departments' unique index; ours rolls back.
            if (!await HasDataAsync(contextFactory, cancellationToken))
            {
                await MarkSeedingAsync(db, null, CancellationToken.None);
                throw;
            }

            Log.SeededConcurrently(logger);
            return 0;
        }

        Log.Seeded(logger, employeeCount, stopwatch.ElapsedMilliseconds);
        return employeeCount;
    }

    private async Task InsertRosterAsync(DirectoryDbContext db, int employeeCount, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var departments = DemoRosterGenerator.DepartmentNames.Select(name => new Department { Name = name }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var departmentIds = departments.ConvertAll(d => d.Id);
        var seeded = new List<Employee>(employeeCount);
        var employees = DemoRosterGenerator.Generate(employeeCount, departmentIds, timeProvider.GetUtcNow()).Select(employee =>
        {
            seeded.Add(employee);
            return employee;
        });
        await new BulkInserter<Employee>(db).InsertAsync(employees, cancellationToken);
        await InsertHistoryAsync(db, seeded, cancellationToken);
        await MarkSeedingAsync(db, null, cancellationToken);
        await CacheGenerationAdvance.AdvanceAsync(db, 0, timeProvider, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A few days of status history per employee, matched to the ids the database gave them by email.</summary>
    private static async Task InsertHistoryAsync(DirectoryDbContext db, List<Employee> seeded, CancellationToken cancellationToken)
    {
        var ids = await db.Employees.AsNoTracking()
            .Select(e => new { e.Id, e.NormalizedEmail })
            .ToDictionaryAsync(e => e.NormalizedEmail, e => e.Id, StringComparer.Ordinal, cancellationToken);
        var random = new Bogus.Randomizer(DemoRosterGenerator.DefaultSeed + 2);
        var history = seeded.SelectMany(employee => DemoPresenceHistory.Of(employee, ids[employee.NormalizedEmail], random));
        await new BulkInserter<PresenceChange>(db).InsertAsync(history, cancellationToken);
    }

    private static Task<int> MarkSeedingAsync(DirectoryDbContext db, long? sinceMs, CancellationToken cancellationToken) =>
        db.CacheGenerations
            .Where(g => g.Id == CacheGenerationRecord.SingleRowId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeedingSinceMs, sinceMs), cancellationToken);

    private static async Task<bool> HasDataAsync(
        IDbContextFactory<DirectoryDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await HasDataAsync(db, cancellationToken);
    }

    private static async Task<bool> HasDataAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        await db.Departments.AnyAsync(cancellationToken) || await db.Employees.AnyAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Seeding {Count} demo employees")]
        public static partial void Seeding(ILogger logger, int count);

        [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Seeded {Count} demo employees in {ElapsedMs} ms")]
        public static partial void Seeded(ILogger logger, int count, long elapsedMs);

        [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "The database already has data; seeding skipped")]
        public static partial void SeedingSkipped(ILogger logger);

        [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "Another instance seeded the database first; seeding skipped")]
        public static partial void SeededConcurrently(ILogger logger);
    }
}
