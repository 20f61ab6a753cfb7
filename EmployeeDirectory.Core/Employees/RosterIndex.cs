using System.Collections.Concurrent;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The name-derived search index, cached whole under the Profile policy (<c>directory:roster</c>): every
/// employee's searchable fields plus the departments. A warm search reads it from memory and never
/// touches the database; a profile edit invalidates it. Immutable once built, so the normalised search
/// text and sort orders computed from it are kept with the instance.
/// </summary>
public sealed class RosterIndex
{
    private readonly Lazy<string[]> _searchText;
    private readonly ConcurrentDictionary<DirectorySort, int[]> _orders = new();

    /// <summary>An index over <paramref name="employees"/> and <paramref name="departments"/>.</summary>
    public RosterIndex(IReadOnlyList<RosterEntry> employees, IReadOnlyList<DepartmentSummary> departments)
    {
        Employees = employees;
        Departments = departments;
        _searchText = new Lazy<string[]>(() => [.. employees.Select(SearchText.Of)]);
    }

    /// <summary>An index of <paramref name="employees"/>, with <paramref name="departments"/> counted from them.</summary>
    public static RosterIndex Build(IReadOnlyList<RosterEntry> employees, IReadOnlyList<(int Id, string Name)> departments)
    {
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(departments);
        var counts = employees.GroupBy(e => e.Department, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var summaries = departments
            .Select(d => new DepartmentSummary(d.Id, d.Name, counts.GetValueOrDefault(d.Name)))
            .OrderBy(d => d.Name, StringComparer.InvariantCultureIgnoreCase)
            .ToList();
        return new RosterIndex(employees, summaries);
    }

    /// <summary>This index with one employee's entry replaced (or added).</summary>
    public RosterIndex With(RosterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var employees = Employees.Where(e => e.Id != entry.Id).Append(entry).OrderBy(e => e.Id).ToList();
        return Build(employees, [.. Departments.Select(d => (d.Id, d.Name))]);
    }

    /// <summary>Memory the index holds, in bytes (entries with their strings, and the search text).</summary>
    public long EstimatedBytes => Employees.Sum(e => 72L + (2L * (e.GivenName.Length + e.FamilyName.Length + e.DisplayName.Length + e.Title.Length + e.Department.Length + e.Email.Length + e.Location.Length)) + (7 * 24)) * 2;

    /// <summary>Every employee, in no particular order.</summary>
    public IReadOnlyList<RosterEntry> Employees { get; }

    /// <summary>Every department by name, with head counts.</summary>
    public IReadOnlyList<DepartmentSummary> Departments { get; }

    /// <summary>Normalised search text of <see cref="Employees"/>[i].</summary>
    internal string SearchTextOf(int index) => _searchText.Value[index];

    /// <summary>Positions in <see cref="Employees"/> in the given order, ties broken by id.</summary>
    internal int[] Order(DirectorySort sort) => _orders.GetOrAdd(sort, BuildOrder);

    /// <summary>Recent searches over this instance (see <see cref="RosterMatchCache"/>).</summary>
    internal RosterMatchCache Matches { get; } = new();

    private int[] BuildOrder(DirectorySort sort)
    {
        var order = Enumerable.Range(0, Employees.Count).ToArray();
        var comparer = RosterOrder.For(sort);
        Array.Sort(order, (a, b) => comparer(Employees[a], Employees[b]));
        return order;
    }
}
