using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// Sets In/Out for an actor allowed to (an admin, or the employee themself) with one UPDATE statement (no read-modify-write, so it never conflicts with a profile edit)
/// that also raises the presence version, and stores the change's cache invalidation in the same transaction
/// (the outbox); after the commit the invalidation drops that employee's status key and patches their member
/// of the presence aggregate, here and on every server.
/// </summary>
internal sealed partial class PresenceService(
    IDbContextFactory<DirectoryDbContext> contexts,
    IFieldCache cache,
    DirectoryOutbox outbox,
    TimeProvider timeProvider,
    ILogger<PresenceService> logger) : IPresenceService
{
    private const int MaxChangedByLength = 254;

    public async Task<ServiceResult<EmployeeStatus>> SetPresenceAsync(int id, PresenceUpdate update, DirectoryActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name);
        if (!actor.MaySetPresenceOf(id))
        {
            Log.PresenceRefused(logger, id, actor.Name);
            return ServiceResult<EmployeeStatus>.Forbidden();
        }

        var changedBy = actor.Name;
        var note = string.IsNullOrWhiteSpace(update.Note) ? null : update.Note.Trim();
        var errors = new FieldErrors();
        if (!Enum.IsDefined(update.Status))
        {
            errors.Add("status", "The status must be In or Out.");
        }

        errors.MaxLength("note", note, Employee.MaxNoteLength, "The note");
        errors.NoInvisibleCharacters("note", note, "The note");
        if (errors.Any)
        {
            return ServiceResult<EmployeeStatus>.Invalid(errors.ToDictionary());
        }

        var by = changedBy.Length > MaxChangedByLength ? changedBy[..MaxChangedByLength] : changedBy;
        try
        {
            return await SaveAsync(id, update, note, by, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (DatabaseFailures.IsUnavailable(error))
        {
            // The transaction did not commit: nothing was saved, nothing is invalidated.
            Log.DatabaseUnavailable(logger, id, error);
            return ServiceResult<EmployeeStatus>.Unavailable();
        }
    }

    private async Task<ServiceResult<EmployeeStatus>> SaveAsync(int id, PresenceUpdate update, string? note, string by, CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        EmployeeStatus saved;
        CacheIntentRecord intent;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var row = db.Employees.Where(e => e.Id == id);
            if (update.ExpectedStamp is { } expected)
            {
                row = row.Where(e => e.PresenceVersion == expected);
            }

            var updated = await row.ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(e => e.Presence, update.Status)
                        .SetProperty(e => e.PresenceNote, note)
                        .SetProperty(e => e.PresenceChangedAt, at)
                        .SetProperty(e => e.PresenceChangedBy, by)
                        .SetProperty(e => e.PresenceVersion, e => e.PresenceVersion + 1),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                // Nothing was written: either there is no such employee, or the status changed since the caller read it.
                var current = await StoredAsync(db, id, cancellationToken).ConfigureAwait(false);
                return current is null ? ServiceResult<EmployeeStatus>.NotFound() : ServiceResult<EmployeeStatus>.Conflict(current);
            }

            saved = (await StoredAsync(db, id, cancellationToken).ConfigureAwait(false))!;
            intent = outbox.Record(db, DirectoryCacheContract.PresenceChanged(id, saved.Stamp, saved.Presence));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await cache.InvalidateAsync(DirectoryOutbox.ToIntent(intent)).ConfigureAwait(false);
        Log.PresenceChanged(logger, id, update.Status, by);
        return ServiceResult<EmployeeStatus>.Ok(saved);
    }

    /// <summary>The status as the database holds it (conflicts answer with this, never with a cached copy).</summary>
    private static Task<EmployeeStatus?> StoredAsync(DirectoryDbContext db, int id, CancellationToken cancellationToken) =>
        db.Employees.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EmployeeStatus(e.Id, e.Presence, e.PresenceNote, e.PresenceChangedAt, e.PresenceChangedBy, e.PresenceVersion))
            .SingleOrDefaultAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Employee {EmployeeId} is now {Presence} (set by {ChangedBy})")]
        public static partial void PresenceChanged(ILogger logger, int employeeId, PresenceStatus presence, string changedBy);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Refused {Actor} setting the presence of employee {EmployeeId}: not their own, and not an admin")]
        public static partial void PresenceRefused(ILogger logger, int employeeId, string actor);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "The presence of employee {EmployeeId} was not saved: the database is out of reach")]
        public static partial void DatabaseUnavailable(ILogger logger, int employeeId, Exception error);
    }
}
