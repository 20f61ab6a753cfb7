using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// The directory on SQLite, with its own migration set (Data/Migrations/Sqlite). Text columns people
/// search, filter and sort by use NOCASE, so equality and ordering ignore case as they do under SQL
/// Server's default collation. SQLite has no date type, and EF Core refuses to compare or order DateTimeOffset
/// text there: the times the directory compares (back-at times, history times) are stored as sortable integers.
/// </summary>
public sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options)
    : DirectoryDbContext(options)
{
    private const string CaseInsensitive = "NOCASE";

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Department>().Property(d => d.Name).UseCollation(CaseInsensitive);
        builder.Entity<Employee>(employee =>
        {
            employee.Property(e => e.GivenName).UseCollation(CaseInsensitive);
            employee.Property(e => e.FamilyName).UseCollation(CaseInsensitive);
            employee.Property(e => e.DisplayName).UseCollation(CaseInsensitive);
            employee.Property(e => e.Title).UseCollation(CaseInsensitive);
            employee.Property(e => e.Email).UseCollation(CaseInsensitive);
            employee.Property(e => e.Location).UseCollation(CaseInsensitive);
            employee.Property(e => e.PresenceUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
        });
        builder.Entity<PresenceChange>(change =>
        {
            change.Property(c => c.At).HasConversion(new DateTimeOffsetToBinaryConverter());
            change.Property(c => c.Until).HasConversion(new DateTimeOffsetToBinaryConverter());
        });
    }
}
