using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// Test-only oracle: the roster search as it was before the inverted index (commit d0d86e4), copied so the
/// index's answers can be compared with it. It scans every entry's normalised search text, sorts with the
/// comparisons RosterOrder had then, and pages; it keeps no results between calls. Also linked into
/// EmployeeDirectory.Benchmarks, which times it against the index.
/// </summary>
internal static class ScanSearchOracle
{
    private static readonly StringComparer Text = StringComparer.InvariantCultureIgnoreCase;

    /// <summary>The entries of the requested page, and how many entries match in all.</summary>
    public static (List<RosterEntry> Page, int Total) Run(Roster roster, PresenceRoster? presence, DirectoryQuery query)
    {
        var terms = SearchText.Terms(query.Text);
        var department = string.IsNullOrWhiteSpace(query.Department) ? null : query.Department.Trim().ToUpperInvariant();
        var statusPresence = query.Status is null ? null : presence;
        var matches = terms.Length == 0 && department is null && query.Status is null
            ? roster.Order(query.Sort)
            : Filter(roster, terms, department, query.Status, statusPresence, roster.Order(query.Sort));

        var skip = (long)(query.Page - 1) * query.PageSize;
        var page = new List<RosterEntry>(query.PageSize);
        for (var i = skip; i < matches.Length && page.Count < query.PageSize; i++)
        {
            page.Add(roster.Employees[matches[i]]);
        }

        return (page, matches.Length);
    }

    private static int[] Filter(Roster roster, string[] terms, string? department, PresenceStatus? status, PresenceRoster? presence, int[] candidates)
    {
        var matches = new List<int>();
        foreach (var index in candidates)
        {
            var entry = roster.Employees[index];
            if (department is not null && !string.Equals(entry.Department, department, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (status is { } wanted && presence is not null && presence.StatusOf(entry.Id) != wanted)
            {
                continue;
            }

            if (terms.Length > 0 && !MatchesAll(roster.SearchTextOf(index), terms))
            {
                continue;
            }

            matches.Add(index);
        }

        return [.. matches];
    }

    private static bool MatchesAll(string text, string[] terms)
    {
        foreach (var term in terms)
        {
            if (!text.Contains(term, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static Comparison<RosterEntry> ComparisonFor(DirectorySort sort) => sort switch
    {
        DirectorySort.Name => ByName,
        DirectorySort.NameDescending => (a, b) => ByName(b, a),
        DirectorySort.Title => (a, b) => Then(Text.Compare(a.Title, b.Title), a, b),
        DirectorySort.TitleDescending => (a, b) => Then(Text.Compare(b.Title, a.Title), b, a),
        DirectorySort.Department => (a, b) => Then(Text.Compare(a.Department, b.Department), a, b),
        DirectorySort.DepartmentDescending => (a, b) => Then(Text.Compare(b.Department, a.Department), b, a),
        DirectorySort.Location => (a, b) => Then(Text.Compare(a.Location, b.Location), a, b),
        DirectorySort.LocationDescending => (a, b) => Then(Text.Compare(b.Location, a.Location), b, a),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };

    private static int ByName(RosterEntry a, RosterEntry b)
    {
        var byFamily = Text.Compare(a.FamilyName, b.FamilyName);
        return byFamily != 0 ? byFamily : Then(Text.Compare(a.GivenName, b.GivenName), a, b);
    }

    private static int Then(int primary, RosterEntry a, RosterEntry b)
    {
        if (primary != 0)
        {
            return primary;
        }

        var byName = Text.Compare(a.FamilyName, b.FamilyName);
        if (byName == 0)
        {
            byName = Text.Compare(a.GivenName, b.GivenName);
        }

        return byName != 0 ? byName : a.Id.CompareTo(b.Id);
    }

    /// <summary>The old index: the entries, their normalised texts and the sort orders, computed once per instance.</summary>
    public sealed class Roster(IReadOnlyList<RosterEntry> employees)
    {
        private readonly string[] _searchText = [.. employees.Select(SearchText.Of)];
        private readonly Dictionary<DirectorySort, int[]> _orders = [];

        public IReadOnlyList<RosterEntry> Employees { get; } = employees;

        public string SearchTextOf(int index) => _searchText[index];

        public int[] Order(DirectorySort sort)
        {
            lock (_orders)
            {
                if (!_orders.TryGetValue(sort, out var order))
                {
                    order = Enumerable.Range(0, Employees.Count).ToArray();
                    var comparer = ComparisonFor(sort);
                    Array.Sort(order, (a, b) => comparer(Employees[a], Employees[b]));
                    _orders[sort] = order;
                }

                return order;
            }
        }
    }
}
