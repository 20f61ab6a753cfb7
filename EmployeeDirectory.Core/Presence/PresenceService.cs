using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// Sets In/Out for an actor allowed to (an admin, or the employee themself) with one UPDATE statement (no read-modify-write, so it never conflicts with a profile
/// edit), then invalidates exactly what the invalidation map names for a presence change.
/// </summary>
internal sealed partial class PresenceService(
    IDbContextFactory<DirectoryDbContext> contexts,
    IFieldCache cache,
    CacheKeySpace keys,
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
        var at = timeProvider.GetUtcNow();
        int updated;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            updated = await db.Employees
                .Where(e => e.Id == id)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(e => e.Presence, update.Status)
                        .SetProperty(e => e.PresenceNote, note)
                        .SetProperty(e => e.PresenceChangedAt, at)
                        .SetProperty(e => e.PresenceChangedBy, by),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        if (updated == 0)
        {
            return ServiceResult<EmployeeStatus>.NotFound();
        }

        await cache.InvalidateAsync(keys.InvalidatedBy(DirectoryWrite.SetPresence, id)).ConfigureAwait(false);
        Log.PresenceChanged(logger, id, update.Status, by);
        return ServiceResult<EmployeeStatus>.Ok(new EmployeeStatus(id, update.Status, note, at, by));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Employee {EmployeeId} is now {Presence} (set by {ChangedBy})")]
        public static partial void PresenceChanged(ILogger logger, int employeeId, PresenceStatus presence, string changedBy);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Refused {Actor} setting the presence of employee {EmployeeId}: not their own, and not an admin")]
        public static partial void PresenceRefused(ILogger logger, int employeeId, string actor);
    }
}
