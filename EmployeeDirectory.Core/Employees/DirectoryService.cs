using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Search, read and profile edits. Search runs over the cached roster index (and the cached presence
/// roster for the In/Out filter), so a warm search never touches the database; a page's statuses come
/// from one batched cache read.
/// </summary>
internal sealed partial class DirectoryService(
    IDbContextFactory<DirectoryDbContext> contexts,
    DirectoryReader reader,
    IFieldCache cache,
    DirectoryOutbox outbox,
    EmployeeLoader stored,
    ILogger<DirectoryService> logger) : IDirectoryService
{
    public async Task<ServiceResult<DirectoryPage>> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = QueryValidator.Validate(query);
        if (errors.Any)
        {
            return ServiceResult<DirectoryPage>.Invalid(errors.ToDictionary());
        }

        var roster = await reader.RosterAsync(cancellationToken).ConfigureAwait(false);
        var presence = query.Status is null ? null : await reader.PresenceAsync(cancellationToken).ConfigureAwait(false);
        var (matches, total) = RosterSearch.Run(roster, presence, query);
        var statuses = await reader.StatusesAsync([.. matches.Select(m => m.Id)], cancellationToken).ConfigureAwait(false);
        var rows = matches
            .Where(m => statuses.ContainsKey(m.Id))
            .Select(m => new DirectoryRow(m.Id, m.DisplayName, m.Title, m.Department, m.Email, m.Location, statuses[m.Id]))
            .ToList();
        return ServiceResult<DirectoryPage>.Ok(new DirectoryPage(rows, total, query.Page, query.PageSize));
    }

    public Task<EmployeeDetails?> GetEmployeeAsync(int id, CancellationToken cancellationToken = default) =>
        reader.DetailsAsync(id, cancellationToken);

    public async Task<IReadOnlyList<DepartmentSummary>> GetDepartmentsAsync(CancellationToken cancellationToken = default)
    {
        var roster = await reader.RosterAsync(cancellationToken).ConfigureAwait(false);
        return roster.Departments;
    }

    public async Task<ServiceResult<EmployeeDetails>> UpdateProfileAsync(int id, ProfileUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ServiceResult<EmployeeDetails>? refused;
        CacheIntentRecord? intent;
        try
        {
            (refused, intent) = await SaveProfileAsync(id, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (DatabaseFailures.IsUnavailable(error))
        {
            // SaveChanges runs in one transaction: nothing was saved, nothing is invalidated.
            Log.DatabaseUnavailable(logger, id, error);
            return ServiceResult<EmployeeDetails>.Unavailable();
        }

        if (refused is not null)
        {
            return refused;
        }

        await cache.InvalidateAsync(DirectoryOutbox.ToIntent(intent!)).ConfigureAwait(false);
        Log.ProfileUpdated(logger, id);
        var saved = await reader.DetailsAsync(id, cancellationToken).ConfigureAwait(false);
        return saved is null ? ServiceResult<EmployeeDetails>.NotFound() : ServiceResult<EmployeeDetails>.Ok(saved);
    }

    /// <summary>Checks and saves the edit with its outbox intent; a refusal, or the intent to send once committed.</summary>
    private async Task<(ServiceResult<EmployeeDetails>? Refused, CacheIntentRecord? Intent)> SaveProfileAsync(int id, ProfileUpdate update, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var employee = await db.Employees.SingleOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
            if (employee is null)
            {
                return (ServiceResult<EmployeeDetails>.NotFound(), null);
            }

            var errors = ProfileRules.Validate(update);
            // Few departments: compare in memory so the match is case-insensitive on every provider.
            var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var department = string.IsNullOrWhiteSpace(update.Department) || errors.Has("department")
                ? null
                : departments.Find(d => string.Equals(d.Name, update.Department.Trim(), StringComparison.OrdinalIgnoreCase));
            if (department is null && !errors.Has("department"))
            {
                errors.Add("department", $"There is no department called \"{update.Department?.Trim()}\".");
            }

            var normalizedEmail = EmployeeNaming.NormalizeEmail(update.Email ?? "");
            if (!errors.Any && await db.Employees.AnyAsync(e => e.NormalizedEmail == normalizedEmail && e.Id != id, cancellationToken).ConfigureAwait(false))
            {
                errors.Add("email", "Another employee already uses this email.");
            }

            if (errors.Any)
            {
                return (ServiceResult<EmployeeDetails>.Invalid(errors.ToDictionary()), null);
            }

            if (employee.ConcurrencyStamp != update.ConcurrencyStamp)
            {
                return (ServiceResult<EmployeeDetails>.Conflict(await StoredDetailsAsync(id, cancellationToken).ConfigureAwait(false)), null);
            }

            var previous = EntryOf(employee, departments.Find(d => d.Id == employee.DepartmentId)?.Name ?? "");
            Apply(employee, update, department!, normalizedEmail);
            var intent = outbox.Record(db, DirectoryCacheContract.ProfileChanged(EntryOf(employee, department!.Name), employee.ProfileVersion, previous));
            // The WHERE clause checks the stamp the editor loaded, so a save that raced ours is caught by the database too.
            db.Entry(employee).Property(e => e.ConcurrencyStamp).OriginalValue = update.ConcurrencyStamp;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                Log.ProfileConflict(logger, id);
                return (ServiceResult<EmployeeDetails>.Conflict(await StoredDetailsAsync(id, cancellationToken).ConfigureAwait(false)), null);
            }
            catch (DbUpdateException error) when (!DatabaseFailures.IsUnavailable(error))
            {
                // The unique email index caught a race the check above could not.
                Log.ProfileRejected(logger, id, error);
                return (ServiceResult<EmployeeDetails>.Invalid(new Dictionary<string, string[]> { ["email"] = ["Another employee already uses this email."] }), null);
            }

            return (null, intent);
        }
    }

    private static RosterEntry EntryOf(Employee employee, string department) =>
        new(employee.Id, employee.GivenName, employee.FamilyName, employee.DisplayName, employee.Title, department, employee.Email, employee.Location);

    private static void Apply(Employee employee, ProfileUpdate update, Department department, string normalizedEmail)
    {
        employee.GivenName = update.GivenName!.Trim();
        employee.FamilyName = update.FamilyName!.Trim();
        employee.DisplayName = string.IsNullOrWhiteSpace(update.DisplayName) ? EmployeeNaming.DisplayNameOf(employee.GivenName, employee.FamilyName) : update.DisplayName.Trim();
        employee.Title = update.Title!.Trim();
        employee.DepartmentId = department.Id;
        employee.Email = update.Email!.Trim();
        employee.NormalizedEmail = normalizedEmail;
        employee.Phone = update.Phone?.Trim() ?? "";
        employee.Location = update.Location?.Trim() ?? "";
        employee.ConcurrencyStamp = Guid.NewGuid();
        employee.ProfileVersion++;
    }

    /// <summary>The employee as the database holds it: a conflict answers with this, never with a cached copy.</summary>
    private async Task<EmployeeDetails?> StoredDetailsAsync(int id, CancellationToken cancellationToken)
    {
        var profile = await stored.ProfileAsync(id, cancellationToken).ConfigureAwait(false);
        var status = profile is null ? null : await stored.StatusAsync(id, cancellationToken).ConfigureAwait(false);
        return profile is null || status is null ? null : new EmployeeDetails(profile, status);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Profile of employee {EmployeeId} updated")]
        public static partial void ProfileUpdated(ILogger logger, int employeeId);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Profile edit of employee {EmployeeId} refused: someone else saved first")]
        public static partial void ProfileConflict(ILogger logger, int employeeId);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Profile edit of employee {EmployeeId} refused by the database")]
        public static partial void ProfileRejected(ILogger logger, int employeeId, Exception error);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Profile edit of employee {EmployeeId} was not saved: the database is out of reach")]
        public static partial void DatabaseUnavailable(ILogger logger, int employeeId, Exception error);
    }
}
