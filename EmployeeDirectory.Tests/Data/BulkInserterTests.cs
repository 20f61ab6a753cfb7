using System.Data;
using System.Data.Common;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Data.Seeding;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Data;

public sealed class BulkInserterTests
{
    private const int SqlServerParameterLimit = 2_100;

    private static readonly Employee Sample = new()
    {
        GivenName = "Ana",
        FamilyName = "Silva",
        DisplayName = "Ana Silva",
        Title = "Recruiter",
        DepartmentId = 3,
        Email = "ana.silva@contoso.example",
        NormalizedEmail = "ANA.SILVA@CONTOSO.EXAMPLE",
        Phone = "+1 206 555 0100",
        Location = "Seattle, Floor 2",
        Presence = PresenceStatus.In,
        PresenceChangedAt = new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero),
        ConcurrencyStamp = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
    };

    [Fact]
    public void SqlServerStatementsStayWithinTheParameterLimit()
    {
        using var db = CreateSqlServerContext();
        var inserter = new BulkInserter<Employee>(db);

        Assert.Equal(17, inserter.ColumnCount);
        Assert.True(inserter.ColumnCount * inserter.RowsPerStatement < SqlServerParameterLimit);
    }

    [Fact]
    public void SqlServerStatementQuotesTheModelsColumnsAndSkipsTheIdentity()
    {
        using var db = CreateSqlServerContext();

        var insert = new BulkInserter<Employee>(db).InsertSql(2);

        Assert.StartsWith("INSERT INTO [Employees] ([ConcurrencyStamp], [DepartmentId], [DisplayName],", insert, StringComparison.Ordinal);
        Assert.DoesNotContain("[Id]", insert, StringComparison.Ordinal);
        Assert.Contains("VALUES (@p0_0, ", insert, StringComparison.Ordinal);
        Assert.EndsWith(", @p1_16);", insert, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerParametersCarryTheProviderTypes()
    {
        using var db = CreateSqlServerContext();
        using var command = db.Database.GetDbConnection().CreateCommand();

        new BulkInserter<Employee>(db).Bind(command, [Sample]);

        var parameters = command.Parameters.Cast<DbParameter>().ToList();
        Assert.Equal(17, parameters.Count);
        Assert.Contains(parameters, p => p.DbType == DbType.Guid && Equals(p.Value, Sample.ConcurrencyStamp));
        Assert.Contains(parameters, p => p.DbType == DbType.DateTimeOffset && Equals(p.Value, Sample.PresenceChangedAt));
        Assert.Contains(parameters, p => p.DbType == DbType.Int32 && Equals(p.Value, (int)PresenceStatus.In));
        Assert.Equal(3, parameters.Count(p => p.Value == DBNull.Value));
        Assert.DoesNotContain(parameters, p => p.Value is PresenceStatus);
    }

    private static SqlServerDirectoryDbContext CreateSqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>()
            .UseSqlServer("Server=tcp:sqlserver.invalid,1433;Database=EmployeeDirectory;Connect Timeout=1")
            .Options);
}
