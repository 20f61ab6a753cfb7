using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// How a change affects a page of a <see cref="DirectoryQuery"/>'s results: whether the rows it shows can take the
/// change as a patch, or whether it may move someone into or out of the page (or change their order), so the page
/// must run its query again. The same rules decide which pages a change is handed to at all.
/// </summary>
public static class DirectoryChangeImpact
{
    /// <summary>
    /// True when a profile change may alter which rows a page of <paramref name="query"/> shows, or their order:
    /// it moved the page's sort key, the text the page searches, or someone into or out of its department.
    /// </summary>
    public static bool MayReorder(DirectoryQuery query, ProfileMovement movement)
    {
        ArgumentNullException.ThrowIfNull(query);
        return movement.Reorders(query.Sort)
            || (query.Text is not null && movement.SearchText)
            || (query.Department is { } department && movement.Touches(department));
    }

    /// <summary>
    /// True when a status change may alter which rows a page of <paramref name="query"/> shows: only a page
    /// filtered by status, and then unless the row it shows keeps a status the filter accepts.
    /// </summary>
    /// <param name="query">The page's query.</param>
    /// <param name="shown">True when the page shows the employee.</param>
    /// <param name="status">The employee's status now, when known.</param>
    /// <param name="now">The moment the status is read at (a back-at time may have passed).</param>
    public static bool MayReorder(DirectoryQuery query, bool shown, EmployeeStatus? status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Status is { } filter && !(shown && status is not null && status.AsOf(now).Presence == filter);
    }
}
