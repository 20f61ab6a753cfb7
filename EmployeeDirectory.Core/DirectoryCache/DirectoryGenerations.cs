using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>The cache generation kept in the directory database's one <see cref="CacheGenerationRecord"/> row.</summary>
internal sealed class DirectoryGenerations(IDbContextFactory<DirectoryDbContext> contexts, TimeProvider timeProvider) : ICacheGenerations
{
    public async Task<long> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CacheGenerations.AsNoTracking()
            .Where(g => g.Id == CacheGenerationRecord.SingleRowId)
            .Select(g => g.Generation)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> AdvanceAsync(long atLeastAbove, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await CacheGenerationAdvance.AdvanceAsync(db, atLeastAbove, timeProvider, cancellationToken).ConfigureAwait(false);
        return await CurrentAsync(cancellationToken).ConfigureAwait(false);
    }
}
