using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// Sets In/Out for an actor allowed to (an admin, or the employee themself). One transaction reads the status
/// as it holds now, updates the row only if its presence version is still the one read (so it never conflicts
/// with a profile edit, and never overwrites a change it did not see), raises that version, adds a history row
/// and stores the change's cache invalidation (the outbox); after the commit the invalidation drops that
/// employee's status key and the roll call, and patches their member of the presence aggregate, here and on
/// every server. A back-at time that passed is normalised through the same path (<see cref="ExpireAsync"/>).
/// </summary>
internal sealed partial class PresenceService(
    IDbContextFactory<DirectoryDbContext> contexts,
    IFieldCache cache,
    DirectoryOutbox outbox,
    TimeProvider timeProvider,
    ILogger<PresenceService> logger) : IPresenceService
{
    private const int MaxChangedByLength = 254;

    // A blind write (no expected stamp) retries when another change lands between its read and its update.
    private const int Attempts = 3;

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

        var now = timeProvider.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(update.Note) ? null : update.Note.Trim();
        var errors = Validate(update, note, now);
        if (errors.Any)
        {
            return ServiceResult<EmployeeStatus>.Invalid(errors.ToDictionary());
        }

        var by = actor.Name.Length > MaxChangedByLength ? actor.Name[..MaxChangedByLength] : actor.Name;
        var change = new StatusChange(update.Status, note, ToWholeMilliseconds(update.Until), now, by, update.Source);
        for (var attempt = 1; ; attempt++)
        {
            (EmployeeStatus? Saved, EmployeeStatus? Current) outcome;
            try
            {
                outcome = await TryWriteAsync(id, update.ExpectedStamp, change, onlyIfEndedBy: null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (DatabaseFailures.IsUnavailable(error))
            {
                // The transaction did not commit: nothing was saved, nothing is invalidated.
                Log.DatabaseUnavailable(logger, id, error);
                return ServiceResult<EmployeeStatus>.Unavailable();
            }

            if (outcome.Saved is { } saved)
            {
                Log.PresenceChanged(logger, id, saved.Presence, by);
                return ServiceResult<EmployeeStatus>.Ok(saved);
            }

            if (outcome.Current is null)
            {
                return ServiceResult<EmployeeStatus>.NotFound();
            }

            if (update.ExpectedStamp is not null || attempt == Attempts)
            {
                return ServiceResult<EmployeeStatus>.Conflict(outcome.Current.AsOf(timeProvider.GetUtcNow()));
            }
        }
    }

    /// <summary>
    /// Reverts a status whose back-at time has passed, as stored at <paramref name="version"/>: the row changes
    /// only while it still has that version and its end has passed, so when several servers try at once (or
    /// someone set a new status meanwhile) only one change is ever made. True when this call made it.
    /// </summary>
    public async Task<bool> ExpireAsync(int id, long version, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stored = await StoredAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (stored is not { Until: { } until } || stored.Stamp != version || until > now)
        {
            return false;
        }

        var change = new StatusChange(stored.Presence.Reverted(), null, null, until, stored.ChangedBy, PresenceSource.Expiry);
        var outcome = await TryWriteAsync(id, version, change, onlyIfEndedBy: now, cancellationToken).ConfigureAwait(false);
        if (outcome.Saved is { } saved)
        {
            Log.PresenceExpired(logger, id, saved.Presence);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A back-at time is stored to the millisecond, the precision the presence aggregate carries it in: the expiry
    /// timer decides "ended" from the aggregate, and the database must agree with it to the tick (with a finer
    /// stored time, a revert attempted within that last millisecond was refused and never tried again).
    /// </summary>
    private static DateTimeOffset? ToWholeMilliseconds(DateTimeOffset? until) =>
        until is { } end ? DateTimeOffset.FromUnixTimeMilliseconds(end.ToUnixTimeMilliseconds()) : null;

    private static FieldErrors Validate(PresenceUpdate update, string? note, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(update.Status))
        {
            errors.Add("status", "The status must be In or Out.");
        }

        if (!Enum.IsDefined(update.Source))
        {
            errors.Add("source", "Unknown source of the change.");
        }

        errors.MaxLength("note", note, Employee.MaxNoteLength, "The note");
        errors.NoInvisibleCharacters("note", note, "The note");
        if (update.Until is { } until)
        {
            if (until <= now)
            {
                errors.Add("until", "The back-at time must be in the future.");
            }
            else if (until > now + PresenceUpdate.MaxAhead)
            {
                errors.Add("until", $"The back-at time must be at most {PresenceUpdate.MaxAhead.TotalDays:0} days ahead.");
            }
        }

        return errors;
    }

    /// <summary>
    /// One attempt in one transaction: read the status as it holds now, update the row if its version is still the
    /// one read (and, for an expiry, its end has passed), add the history row and the outbox intent, commit, then
    /// send the invalidation. Saved is null when nothing was written; Current then holds the stored status (null:
    /// no such employee).
    /// </summary>
    private async Task<(EmployeeStatus? Saved, EmployeeStatus? Current)> TryWriteAsync(
        int id, long? expectedStamp, StatusChange change, DateTimeOffset? onlyIfEndedBy, CancellationToken cancellationToken)
    {
        EmployeeStatus saved;
        CacheIntentRecord intent;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var current = await StoredAsync(db, id, cancellationToken).ConfigureAwait(false);
            if (current is null || (expectedStamp is { } expected && current.Stamp != expected))
            {
                return (null, current);
            }

            var row = db.Employees.Where(e => e.Id == id && e.PresenceVersion == current.Stamp);
            if (onlyIfEndedBy is { } endedBy)
            {
                row = row.Where(e => e.PresenceUntil != null && e.PresenceUntil <= endedBy);
            }

            var updated = await row.ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(e => e.Presence, change.To)
                        .SetProperty(e => e.PresenceNote, change.Note)
                        .SetProperty(e => e.PresenceUntil, change.Until)
                        .SetProperty(e => e.PresenceChangedAt, change.At)
                        .SetProperty(e => e.PresenceChangedBy, change.By)
                        .SetProperty(e => e.PresenceVersion, e => e.PresenceVersion + 1),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                return (null, current);
            }

            var from = current.Presence;
            if (change.Source != PresenceSource.Expiry && current.Until is { } ended && ended <= change.At)
            {
                // The back-at time passed before any server normalised the row: the history still shows the revert.
                db.PresenceHistory.Add(new PresenceChange
                {
                    EmployeeId = id, From = from, To = from.Reverted(), At = ended, By = current.ChangedBy, Source = PresenceSource.Expiry,
                });
                from = from.Reverted();
            }

            db.PresenceHistory.Add(new PresenceChange
            {
                EmployeeId = id,
                From = from,
                To = change.To,
                Note = change.Note,
                Until = change.Until,
                At = change.At,
                By = change.By,
                Source = change.Source,
            });
            saved = current with
            {
                Presence = change.To,
                Note = change.Note,
                Until = change.Until,
                ChangedAt = change.At,
                ChangedBy = change.By,
                Stamp = current.Stamp + 1,
            };
            intent = outbox.Record(db, DirectoryCacheContract.PresenceChanged(saved));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await cache.InvalidateAsync(DirectoryOutbox.ToIntent(intent)).ConfigureAwait(false);
        return (saved, null);
    }

    /// <summary>The status as the database holds it (conflicts answer with this, never with a cached copy).</summary>
    private static Task<EmployeeStatus?> StoredAsync(DirectoryDbContext db, int id, CancellationToken cancellationToken) =>
        db.Employees.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EmployeeStatus(e.Id, e.Presence, e.PresenceNote, e.PresenceChangedAt, e.PresenceChangedBy, e.PresenceVersion, e.PresenceUntil))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record StatusChange(PresenceStatus To, string? Note, DateTimeOffset? Until, DateTimeOffset At, string? By, PresenceSource Source);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Employee {EmployeeId} is now {Presence} (set by {ChangedBy})")]
        public static partial void PresenceChanged(ILogger logger, int employeeId, PresenceStatus presence, string changedBy);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Refused {Actor} setting the presence of employee {EmployeeId}: not their own, and not an admin")]
        public static partial void PresenceRefused(ILogger logger, int employeeId, string actor);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Employee {EmployeeId}'s back-at time passed: now {Presence}")]
        public static partial void PresenceExpired(ILogger logger, int employeeId, PresenceStatus presence);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The presence of employee {EmployeeId} was not saved: the database is out of reach")]
        public static partial void DatabaseUnavailable(ILogger logger, int employeeId, Exception error);
    }
}
