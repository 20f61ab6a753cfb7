using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>Filters, sorts and pages the roster index in memory, touching the candidates of a search rather than every entry.</summary>
internal static class RosterSearch
{
    /// <summary>The entries of the requested page, and how many entries match in all.</summary>
    public static (List<RosterEntry> Page, int Total) Run(RosterIndex roster, PresenceRoster? presence, DirectoryQuery query)
    {
        var matches = RosterMatcher.Match(roster, RosterQueryShape.Of(query, presence));
        return (RosterPager.Page(roster, matches, query.Sort, query.Page, query.PageSize), matches.Count);
    }

    /// <summary>Every entry that matches, in the query's order (page and page size aside).</summary>
    public static List<RosterEntry> All(RosterIndex roster, PresenceRoster? presence, DirectoryQuery query)
    {
        var matches = RosterMatcher.Match(roster, RosterQueryShape.Of(query, presence));
        return matches.Count == 0 ? [] : RosterPager.Page(roster, matches, query.Sort, page: 1, pageSize: matches.Count);
    }
}
