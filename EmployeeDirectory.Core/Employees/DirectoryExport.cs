namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Runs the search as the directory does, over the cached roster (so the same people in the same order), and writes
/// each match from what this server already holds in memory: the roster index and the presence aggregate. An export
/// of everyone costs no database query and pushes nothing out of L1 or Redis. It has what those hold (names, title,
/// department, email, location, In/Out and back-at time), not the phone, the note or when the status changed.
/// </summary>
internal sealed class DirectoryExport(DirectoryReader reader) : IDirectoryExport
{
    public async Task<ServiceResult<IAsyncEnumerable<DirectoryExportRow>>> ExportAsync(DirectoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = query with { Page = 1, PageSize = DirectoryQuery.DefaultPageSize };
        var errors = QueryValidator.Validate(filters);
        if (errors.Any)
        {
            return ServiceResult<IAsyncEnumerable<DirectoryExportRow>>.Invalid(errors.ToDictionary());
        }

        var roster = await reader.RosterAsync(cancellationToken).ConfigureAwait(false);
        var presence = await reader.PresenceAsync(cancellationToken).ConfigureAwait(false);
        var matches = RosterSearch.All(roster, filters.Status is null ? null : presence, filters);
        return ServiceResult<IAsyncEnumerable<DirectoryExportRow>>.Ok(Rows(matches, presence).ToAsyncEnumerable());
    }

    private static IEnumerable<DirectoryExportRow> Rows(List<RosterEntry> matches, Presence.PresenceRoster presence)
    {
        foreach (var entry in matches)
        {
            yield return new DirectoryExportRow(
                entry.Id, entry.DisplayName, entry.GivenName, entry.FamilyName, entry.Title, entry.Department, entry.Email, entry.Location,
                presence.StatusOf(entry.Id), presence.EndOf(entry.Id));
        }
    }
}
