using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// The directory's outbox in its own database: services add a <see cref="CacheIntentRecord"/> with each write
/// (<see cref="Record"/>, same transaction); the cache reads, marks and prunes them here.
/// </summary>
internal sealed class DirectoryOutbox(IDbContextFactory<DirectoryDbContext> contexts, TimeProvider timeProvider) : IInvalidationOutbox
{
    /// <summary>Adds a write's invalidation to the context: it commits with the write, and gets its id then.</summary>
    public CacheIntentRecord Record(DirectoryDbContext db, CacheInvalidation invalidation)
    {
        var record = new CacheIntentRecord
        {
            CreatedAtMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            Payload = CacheContract.Serialize(invalidation),
        };
        db.CacheIntents.Add(record);
        return record;
    }

    /// <summary>The intent a committed record holds.</summary>
    public static InvalidationIntent ToIntent(CacheIntentRecord record) =>
        new(record.Id, DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAtMs), DirectoryCacheContract.Contract.Deserialize(record.Payload));

    public async Task<IReadOnlyList<InvalidationIntent>> UnsentAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.CacheIntents.AsNoTracking()
            .Where(i => i.SentAtMs == null)
            .OrderBy(i => i.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.ConvertAll(ToIntent);
    }

    public async Task<IReadOnlyList<InvalidationIntent>> CreatedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.CacheIntents.AsNoTracking()
            .Where(i => i.CreatedAtMs >= sinceMs)
            .OrderBy(i => i.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.ConvertAll(ToIntent);
    }

    public async Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        var sentAtMs = sentAt.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.CacheIntents
            .Where(i => ids.Contains(i.Id) && i.SentAtMs == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.SentAtMs, sentAtMs), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PruneAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken = default)
    {
        var beforeMs = sentBefore.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var newest = await db.CacheIntents.MaxAsync(i => (long?)i.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        return await db.CacheIntents
            .Where(i => i.SentAtMs != null && i.SentAtMs < beforeMs && i.Id != newest)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> HighWaterAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CacheIntents.MaxAsync(i => (long?)i.Id, cancellationToken).ConfigureAwait(false) ?? 0;
    }
}
