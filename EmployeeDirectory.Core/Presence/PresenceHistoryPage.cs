namespace EmployeeDirectory.Core.Presence;

/// <summary>One page of an employee's status history, newest first, and how many changes it holds in all.</summary>
public sealed record PresenceHistoryPage(IReadOnlyList<PresenceHistoryEntry> Items, int Total, int Page, int PageSize)
{
    /// <summary>Page size when none is given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Largest accepted page size.</summary>
    public const int MaxPageSize = 100;
}
