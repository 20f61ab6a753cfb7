namespace EmployeeDirectory.Core.Employees;

/// <summary>Every employee a directory search matches, for a file, from what the server holds in memory (no database query).</summary>
public interface IDirectoryExport
{
    /// <summary>
    /// The employees matching <paramref name="query"/>'s text, filters and sort (its page and page size are
    /// ignored), made one by one as the caller enumerates; <see cref="ServiceOutcome.Invalid"/> for a bad query.
    /// </summary>
    Task<ServiceResult<IAsyncEnumerable<DirectoryExportRow>>> ExportAsync(DirectoryQuery query, CancellationToken cancellationToken = default);
}
