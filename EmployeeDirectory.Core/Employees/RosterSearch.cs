using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>Filters, sorts and pages the cached roster index in memory.</summary>
internal static class RosterSearch
{
    /// <summary>The entries of the requested page, and how many entries match in all.</summary>
    public static (List<RosterEntry> Page, int Total) Run(RosterIndex roster, PresenceRoster? presence, DirectoryQuery query)
    {
        var matches = Matches(roster, presence, query);
        var skip = (long)(query.Page - 1) * query.PageSize;
        var page = new List<RosterEntry>(query.PageSize);
        for (var i = skip; i < matches.Length && page.Count < query.PageSize; i++)
        {
            page.Add(roster.Employees[matches[i]]);
        }

        return (page, matches.Length);
    }

    /// <summary>Positions in <see cref="RosterIndex.Employees"/> of every match, in the query's order (page and size aside).</summary>
    public static int[] Matches(RosterIndex roster, PresenceRoster? presence, DirectoryQuery query)
    {
        var shape = RosterQueryShape.Of(query, presence);
        return roster.Matches.GetOrCompute(shape, candidates => Filter(roster, shape, candidates), roster.Order(query.Sort));
    }

    private static int[] Filter(RosterIndex roster, RosterQueryShape shape, int[] candidates)
    {
        var matches = new List<int>();
        foreach (var index in candidates)
        {
            var entry = roster.Employees[index];
            if (shape.Department is not null && !string.Equals(entry.Department, shape.Department, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (shape.Status is { } status && shape.Presence is not null && shape.Presence.StatusOf(entry.Id) != status)
            {
                continue;
            }

            if (shape.Terms.Length > 0 && !MatchesAll(roster.SearchTextOf(index), shape.Terms))
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
}
