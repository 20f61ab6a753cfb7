using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// Moves the database to a new cache generation in one statement, inside whatever transaction the caller has
/// open (seeding uses its own). The new one is above the current, above any floor given, and at least the
/// current Unix time in milliseconds, so every life of a database gets a generation no earlier life used.
/// </summary>
internal static class CacheGenerationAdvance
{
    public static Task<int> AdvanceAsync(DirectoryDbContext db, long atLeastAbove, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var floor = Math.Max(atLeastAbove + 1, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return db.CacheGenerations
            .Where(g => g.Id == CacheGenerationRecord.SingleRowId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.Generation, g => g.Generation >= floor ? g.Generation + 1 : floor), cancellationToken);
    }
}
