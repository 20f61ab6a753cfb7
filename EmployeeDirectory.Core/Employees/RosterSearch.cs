using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>Filters, sorts and pages the cached roster index in memory.</summary>
internal static class RosterSearch
{
    /// <summary>The entries of the requested page, and how many entries match in all.</summary>
    public static (List<RosterEntry> Page, int Total) Run(RosterIndex roster, PresenceRoster? presence, DirectoryQuery query)
    {
        var terms = SearchText.Terms(query.Text);
        var department = string.IsNullOrWhiteSpace(query.Department) ? null : query.Department.Trim();
        var skip = (long)(query.Page - 1) * query.PageSize;
        var page = new List<RosterEntry>(query.PageSize);
        var total = 0;
        foreach (var index in roster.Order(query.Sort))
        {
            var entry = roster.Employees[index];
            if (department is not null && !string.Equals(entry.Department, department, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (query.Status is { } status && presence is not null && presence.StatusOf(entry.Id) != status)
            {
                continue;
            }

            if (terms.Length > 0 && !MatchesAll(roster.SearchTextOf(index), terms))
            {
                continue;
            }

            if (total >= skip && page.Count < query.PageSize)
            {
                page.Add(entry);
            }

            total++;
        }

        return (page, total);
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
