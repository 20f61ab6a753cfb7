using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// The directory database. Provider-specific subclasses carry their own migration sets; services
/// only ever see this base type through <see cref="IDbContextFactory{TContext}"/>.
/// </summary>
public class DirectoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Department> Departments => Set<Department>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
    }
}
