using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// Reads the status history straight from the database (it is read rarely, by one person looking at one
/// employee, and is never stale that way); rows are written by <see cref="PresenceService"/> with each change.
/// Notes and who made each change are left out for a viewer who may not see them (<see cref="StatusPrivacy"/>).
/// </summary>
internal sealed class PresenceHistory(IDbContextFactory<DirectoryDbContext> contexts, StatusPrivacy privacy) : IPresenceHistory
{
    public async Task<ServiceResult<PresenceHistoryPage>> GetHistoryAsync(
        int employeeId, int page, int pageSize, DirectoryActor viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var errors = new FieldErrors();
        if (page < 1)
        {
            errors.Add("page", "The page must be 1 or more.");
        }

        if (pageSize is < 1 or > PresenceHistoryPage.MaxPageSize)
        {
            errors.Add("pageSize", $"The page size must be between 1 and {PresenceHistoryPage.MaxPageSize}.");
        }

        if (errors.Any)
        {
            return ServiceResult<PresenceHistoryPage>.Invalid(errors.ToDictionary());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, cancellationToken).ConfigureAwait(false))
        {
            return ServiceResult<PresenceHistoryPage>.NotFound();
        }

        var changes = db.PresenceHistory.AsNoTracking().Where(c => c.EmployeeId == employeeId);
        var total = await changes.CountAsync(cancellationToken).ConfigureAwait(false);
        var details = privacy.MaySeeDetailsOf(viewer, employeeId);
        var items = await changes
            .OrderByDescending(c => c.Id)
            .Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize))
            .Take(pageSize)
            .Select(c => new PresenceHistoryEntry(c.From, c.To, details ? c.Note : null, c.Until, c.At, details ? c.By : null, c.Source))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult<PresenceHistoryPage>.Ok(new PresenceHistoryPage(items, total, page, pageSize));
    }
}
