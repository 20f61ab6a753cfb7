using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>A directory search: free text, filters, sort and page. Validated by the directory service.</summary>
public sealed record DirectoryQuery
{
    /// <summary>Longest accepted free-text query.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Largest accepted page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Page size when none is given.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>Case-insensitive text matched against name, title, department and email.</summary>
    public string? Text { get; init; }

    /// <summary>Department name filter (exact, case-insensitive); null for all.</summary>
    public string? Department { get; init; }

    /// <summary>Presence filter; null for everyone.</summary>
    public PresenceStatus? Status { get; init; }

    /// <summary>Sort order; ties are broken by id.</summary>
    public DirectorySort Sort { get; init; } = DirectorySort.Name;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}
