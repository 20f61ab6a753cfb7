using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// Exposes the configured provider's pooled factory as <see cref="IDbContextFactory{DirectoryDbContext}"/>,
/// the only type services depend on.
/// </summary>
internal sealed class DirectoryDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<DirectoryDbContext>
    where TContext : DirectoryDbContext
{
    public DirectoryDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<DirectoryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
