using System.Collections.Concurrent;
using System.Text.Json.Serialization;

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
    [JsonConstructor]
    public RosterIndex(IReadOnlyList<RosterEntry> employees, IReadOnlyList<DepartmentSummary> departments)
    {
        Employees = employees;
        Departments = departments;
        _searchText = new Lazy<string[]>(() => [.. employees.Select(SearchText.Of)]);
    }

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
