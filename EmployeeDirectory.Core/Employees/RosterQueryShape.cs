using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// What decides which roster entries match a search, without the page: normalised terms, filters, sort,
/// and the presence snapshot the In/Out filter read (compared by reference: a new snapshot is a new shape).
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
    public bool MatchesEveryone => Terms.Length == 0 && Department is null && Status is null;

    /// <summary>
    /// True when everything matching <paramref name="narrower"/> also matches this shape: same filters and
    /// sort, and each of this shape's terms is contained in one of the narrower shape's terms (typing "an"
    /// then "ann" narrows).
    /// </summary>
    public bool Covers(RosterQueryShape narrower) =>
        Sort == narrower.Sort
        && Department == narrower.Department
        && Status == narrower.Status
        && ReferenceEquals(Presence, narrower.Presence)
        && Terms.All(term => narrower.Terms.Any(longer => longer.Contains(term, StringComparison.Ordinal)));

    public bool Equals(RosterQueryShape? other) =>
        other is not null
        && Sort == other.Sort
        && Department == other.Department
        && Status == other.Status
        && ReferenceEquals(Presence, other.Presence)
        && Terms.AsSpan().SequenceEqual(other.Terms);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Sort);
        hash.Add(Department);
        hash.Add(Status);
        foreach (var term in Terms)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }
}
