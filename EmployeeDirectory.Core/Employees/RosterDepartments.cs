namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The departments with their members: the slots of every entry naming each department (exactly, as the
/// database join names it), from which head counts and the department filter are read. A patch copies the
/// member sets of the department an entry left and the one it joined.
/// </summary>
internal sealed class RosterDepartments
{
    private readonly RosterDepartment[] _departments;
    private readonly Dictionary<string, RosterSlotSet> _members;

    private RosterDepartments(RosterDepartment[] departments, Dictionary<string, RosterSlotSet> members)
    {
        _departments = departments;
        _members = members;
        Summaries = [.. departments.Select(d => new DepartmentSummary(d.Id, d.Name, members.GetValueOrDefault(d.Name)?.Count ?? 0))];
    }

    /// <summary>Every department with its head count, by name (culture-aware, case-insensitive), then id.</summary>
    public IReadOnlyList<DepartmentSummary> Summaries { get; }

    public long EstimatedBytes =>
        RosterMemory.Array(_departments.Length, RosterMemory.Reference)
        + _departments.Sum(d => RosterMemory.Object(RosterMemory.Reference + sizeof(int)) + RosterMemory.String(d.Name))
        + RosterMemory.Dictionary(_members)
        + _members.Values.Sum(set => set.EstimatedBytes)
        + RosterMemory.Array(Summaries.Count, RosterMemory.Reference)
        + (Summaries.Count * RosterMemory.Object(RosterMemory.Reference + (2 * sizeof(int))));

    /// <summary>The department names as the index holds them, for entries to share.</summary>
    public IEnumerable<string> Names => _departments.Select(d => d.Name);

    public static RosterDepartments Build(IReadOnlyList<RosterDepartment> departments, IReadOnlyList<RosterEntry> entries)
    {
        var sorted = departments.ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            var byName = RosterOrder.Text.Compare(a.Name, b.Name);
            return byName != 0 ? byName : a.Id.CompareTo(b.Id);
        });

        var slots = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var slot = 0; slot < entries.Count; slot++)
        {
            var name = entries[slot].Department;
            if (!slots.TryGetValue(name, out var list))
            {
                slots[name] = list = [];
            }

            list.Add(slot);
        }

        var members = slots.ToDictionary(pair => pair.Key, pair => RosterSlotSet.FromSorted([.. pair.Value], entries.Count), StringComparer.Ordinal);
        return new RosterDepartments(sorted, members);
    }

    /// <summary>The departments once <paramref name="slot"/> moved from <paramref name="before"/> (null for a new slot) to <paramref name="after"/>.</summary>
    public RosterDepartments With(int slot, string? before, string after, int rosterSize)
    {
        if (before == after)
        {
            return this;
        }

        var members = new Dictionary<string, RosterSlotSet>(_members, StringComparer.Ordinal);
        if (before is not null && members.TryGetValue(before, out var left))
        {
            if (left.Without(slot) is { } remaining)
            {
                members[before] = remaining;
            }
            else
            {
                members.Remove(before);
            }
        }

        members[after] = members.TryGetValue(after, out var joined) ? joined.With(slot, rosterSize) : RosterSlotSet.FromSorted([slot], rosterSize);
        return new RosterDepartments(_departments, members);
    }

    /// <summary>
    /// The slots whose department equals <paramref name="department"/> ignoring case (ordinal), or null when
    /// none does. Names differing only in case are rare; their members are merged.
    /// </summary>
    public RosterSlotSet? Filter(string department, int rosterSize)
    {
        RosterSlotSet? found = null;
        ulong[]? merged = null;
        foreach (var (name, members) in _members)
        {
            if (!string.Equals(name, department, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (found is null)
            {
                found = members;
                continue;
            }

            if (merged is null)
            {
                merged = new ulong[RosterSlotSet.WordsFor(rosterSize)];
                found.CopyInto(merged);
            }

            members.CopyInto(merged);
        }

        return merged is null ? found : RosterSlotSet.FromBits(merged);
    }
}
