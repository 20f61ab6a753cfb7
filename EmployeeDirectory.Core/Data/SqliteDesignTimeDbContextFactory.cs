using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// Lets <c>dotnet ef ... --context SqliteDirectoryDbContext</c> build the context without the web host.
/// The file is only opened by commands that touch a database (<c>database update</c>).
/// </summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteDirectoryDbContext>
{
    /// <inheritdoc />
    public SqliteDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
            .UseSqlite("Data Source=directory.design.db")
            .Options);
}
