using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// The directory database. Provider-specific subclasses carry their own migration sets; services
/// only ever see this base type through <see cref="IDbContextFactory{TContext}"/>. Sign-in accounts and
/// roles (ASP.NET Core Identity's tables), API keys and the Data Protection key ring (which signs the
/// sign-in cookies, so it must outlive any cache and be shared by every server) live in the same database.
/// </summary>
public class DirectoryDbContext(DbContextOptions options) : IdentityDbContext<DirectoryUser>(options), IDataProtectionKeyContext
{
    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
    }
}
