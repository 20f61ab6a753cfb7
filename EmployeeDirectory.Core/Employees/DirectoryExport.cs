using System.Runtime.CompilerServices;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Runs the search as the directory does (over the cached roster, so the same people in the same order), then
/// reads the matches' phone and status from the database <see cref="ChunkSize"/> at a time while the caller
/// writes them out. It reads past the cache on purpose: an export of everyone must not push the working set
/// of statuses and profiles out of L1 and Redis.
/// </summary>
internal sealed class DirectoryExport(DirectoryReader reader, EmployeeLoader loader, TimeProvider timeProvider) : IDirectoryExport
{
    /// <summary>Employees read per database query.</summary>
    internal const int ChunkSize = 500;

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
        var presence = filters.Status is null ? null : await reader.PresenceAsync(cancellationToken).ConfigureAwait(false);
        var matches = RosterSearch.All(roster, presence, filters);
        return ServiceResult<IAsyncEnumerable<DirectoryExportRow>>.Ok(RowsAsync(matches, CancellationToken.None));
    }

    private async IAsyncEnumerable<DirectoryExportRow> RowsAsync(List<RosterEntry> matches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entries in matches.Chunk(ChunkSize))
        {
            var details = await loader.ExportDetailsAsync([.. entries.Select(e => e.Id)], cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            foreach (var entry in entries)
            {
                if (!details.TryGetValue(entry.Id, out var detail))
                {
                    continue;
                }

                var status = detail.Status.AsOf(now);
                yield return new DirectoryExportRow(
                    entry.Id, entry.DisplayName, entry.GivenName, entry.FamilyName, entry.Title, entry.Department, entry.Email, detail.Phone, entry.Location,
                    status.Presence, status.Note, status.Until, status.ChangedAt);
            }
        }
    }
}
