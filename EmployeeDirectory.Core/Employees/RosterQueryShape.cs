using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// What decides which roster entries match a search, without the page: normalised terms, the department
/// (upper-invariant, compared ignoring case), the In/Out filter with the presence snapshot it reads, and the sort.
/// </summary>
internal sealed record RosterQueryShape(string[] Terms, string? Department, PresenceStatus? Status, DirectorySort Sort, PresenceRoster? Presence)
{
    public static RosterQueryShape Of(DirectoryQuery query, PresenceRoster? presence) => new(
        SearchText.Terms(query.Text),
        string.IsNullOrWhiteSpace(query.Department) ? null : query.Department.Trim().ToUpperInvariant(),
        query.Status,
        query.Sort,
        query.Status is null ? null : presence);

    /// <summary>True when every entry is a match (no terms, no filters): the sort order itself is the answer.</summary>
    public bool MatchesEveryone => Terms.Length == 0 && Department is null && StatusFilter is null;

    /// <summary>The status entries must have, when there is one and a snapshot to read it from.</summary>
    public PresenceStatus? StatusFilter => Presence is null ? null : Status;
}
