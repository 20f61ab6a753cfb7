using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.Data;

/// <summary>The directory on SQL Server, with its own migration set (Data/Migrations/SqlServer).</summary>
public sealed class SqlServerDirectoryDbContext(DbContextOptions<SqlServerDirectoryDbContext> options)
    : DirectoryDbContext(options);
