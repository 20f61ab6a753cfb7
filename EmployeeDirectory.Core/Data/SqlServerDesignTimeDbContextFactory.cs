using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// Lets <c>dotnet ef ... --context SqlServerDirectoryDbContext</c> add migrations, script them and check
/// for model changes without a server: the connection string is never opened by those commands.
/// </summary>
public sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerDirectoryDbContext>
{
    /// <summary>A connection string the design-time commands never open.</summary>
    public const string DesignTimeConnectionString =
        "Server=localhost;Database=EmployeeDirectory;Integrated Security=false;TrustServerCertificate=true";

    /// <inheritdoc />
    public SqlServerDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>()
            .UseSqlServer(DesignTimeConnectionString)
            .Options);
}
