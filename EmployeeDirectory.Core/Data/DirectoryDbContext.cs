using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.DirectoryCache;
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
    /// <summary>Employees, with their profile and presence columns.</summary>
    public DbSet<Employee> Employees => Set<Employee>();

    /// <summary>Every presence change, newest last (the status history).</summary>
    public DbSet<Presence.PresenceChange> PresenceHistory => Set<Presence.PresenceChange>();

    /// <summary>Departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>API keys (hashed).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The cache's outbox: each write's invalidation, committed with the write.</summary>
    public DbSet<CacheIntentRecord> CacheIntents => Set<CacheIntentRecord>();

    /// <summary>The cache generation of this database (one row).</summary>
    public DbSet<CacheGenerationRecord> CacheGenerations => Set<CacheGenerationRecord>();

    /// <summary>The Data Protection key ring (it signs the sign-in cookies).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
    }
}
