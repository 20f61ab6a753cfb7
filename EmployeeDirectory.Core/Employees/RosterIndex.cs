
namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The name-derived search index: every employee's searchable fields, the departments with head counts, and
/// what makes a search touch its candidates rather than every entry (n-gram postings of the normalised search
/// text, the department members, the four sort orders). Immutable: searches read a snapshot while
/// <see cref="With"/> makes the next one, which shares every structure the change leaves alone, so a profile
/// edit patches the index in milliseconds instead of rebuilding it.
/// </summary>
public sealed class RosterIndex
{
    private const int EntryFieldBytes = (7 * RosterMemory.Reference) + sizeof(int);
    private const int IndexFieldBytes = (9 * RosterMemory.Reference) + (2 * sizeof(long));

    private readonly RosterShardedMap<int, int> _slotsById;

    /// <summary>Bytes of the strings the entries and search texts hold, each shared instance counted once.</summary>
    private readonly long _stringBytes;

    private RosterIndex(
        RosterColumn<RosterEntry> entries,
        RosterColumn<string> texts,
        RosterColumn<int> ids,
        RosterShardedMap<int, int> slotsById,
        RosterGrams grams,
        RosterOrders orders,
        RosterDepartments departments,
        RosterTermMatches termMatches,
        long stringBytes)
    {
        Entries = entries;
        Texts = texts;
        Ids = ids;
        _slotsById = slotsById;
        Grams = grams;
        Orders = orders;
        DepartmentTable = departments;
        TermMatches = termMatches;
        _stringBytes = stringBytes;
        EstimatedBytes = RosterMemory.Object(IndexFieldBytes)
            + entries.EstimatedBytes(RosterMemory.Reference) + (entries.Count * RosterMemory.Object(EntryFieldBytes))
            + texts.EstimatedBytes(RosterMemory.Reference)
            + ids.EstimatedBytes(sizeof(int))
            + slotsById.EstimatedBytes
            + grams.EstimatedBytes
            + orders.EstimatedBytes
            + departments.EstimatedBytes
            + stringBytes;
    }

    /// <summary>An index of no employees and no departments.</summary>
    public static RosterIndex Empty { get; } = Build([], []);

    /// <summary>Every employee, in no particular order.</summary>
    public IReadOnlyList<RosterEntry> Employees => Entries;

    /// <summary>Every department by name (culture-aware, case-insensitive), with head counts.</summary>
    public IReadOnlyList<DepartmentSummary> Departments => DepartmentTable.Summaries;

    /// <summary>
    /// Managed memory this index holds, in bytes: its arrays, strings and objects with the runtime's object
    /// overheads, each string shared between entries counted once. Structures shared with the index it was
    /// patched from are counted in full here too. Not counted: what searches leave alongside, at most one bit
    /// per employee each: the matches of up to 128 recent long terms that most entries contain, and the In and
    /// Out employees of the presence snapshot searched last.
    /// </summary>
    public long EstimatedBytes { get; }

    /// <summary>Entries by slot.</summary>
    internal RosterColumn<RosterEntry> Entries { get; }

    /// <summary><see cref="SearchText.Of"/> of each slot's entry.</summary>
    internal RosterColumn<string> Texts { get; }

    /// <summary>Employee id of each slot's entry.</summary>
    internal RosterColumn<int> Ids { get; }

    internal RosterGrams Grams { get; }

    internal RosterOrders Orders { get; }

    internal RosterDepartments DepartmentTable { get; }

    /// <summary>Verified matches of recent long terms that most entries are candidates for; not counted in <see cref="EstimatedBytes"/>.</summary>
    internal RosterTermMatches TermMatches { get; }

    /// <summary>The In and Out slots of the presence snapshot searched last; not counted in <see cref="EstimatedBytes"/>.</summary>
    internal RosterPresenceSlots PresenceSlots { get; } = new();

    /// <summary>
    /// An index of <paramref name="employees"/> (distinct ids) and <paramref name="departments"/>, whose head
    /// counts are the entries naming each one.
    /// </summary>
    public static RosterIndex Build(IReadOnlyList<RosterEntry> employees, IReadOnlyList<RosterDepartment> departments)
    {
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(departments);
        var seen = new HashSet<int>(employees.Count);
        foreach (var employee in employees)
        {
            ArgumentNullException.ThrowIfNull(employee, nameof(employees));
            if (!seen.Add(employee.Id))
            {
                throw new ArgumentException($"Employee {employee.Id} appears more than once in the roster.", nameof(employees));
            }
        }

        var pool = new RosterStringPool(departments.Select(d => d.Name));
        var entries = employees.Select(pool.Share).ToArray();
        var texts = entries.Select(SearchText.Of).ToArray();
        var stringBytes = pool.Bytes;
        for (var slot = 0; slot < entries.Length; slot++)
        {
            stringBytes += UnsharedBytes(entries[slot], texts[slot]);
        }

        return new RosterIndex(
            RosterColumn<RosterEntry>.From(entries),
            RosterColumn<string>.From(texts),
            RosterColumn<int>.From([.. entries.Select(e => e.Id)]),
            RosterShardedMap<int, int>.From(entries.Select((e, slot) => KeyValuePair.Create(e.Id, slot))),
            RosterGrams.Build(texts),
            RosterOrders.Build(entries),
            RosterDepartments.Build(departments, entries),
            new RosterTermMatches(),
            stringBytes);
    }

    /// <summary>The entry of employee <paramref name="id"/>, or null when the roster has none.</summary>
    public RosterEntry? Find(int id) => _slotsById.TryGetValue(id, out var slot) ? Entries[slot] : null;

    /// <summary>
    /// A new index in which <paramref name="entry"/> replaces the entry with its id, or is added when there is
    /// none. This index is left as it was; the new one shares every structure the change does not touch.
    /// </summary>
    public RosterIndex With(RosterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var added = !_slotsById.TryGetValue(entry.Id, out var slot);
        slot = added ? Entries.Count : slot;
        var before = added ? null : Entries[slot];
        var after = ShareStrings(entry, before);
        if (ReferenceEquals(after, before))
        {
            return this;
        }

        var beforeText = added ? null : Texts[slot];
        var text = SearchText.Of(after);
        var entries = Entries.SetItem(slot, after);
        var rosterSize = entries.Count;
        var stringBytes = _stringBytes + UnsharedBytes(after, text) + NewSharedBytes(after, before)
            - (before is null ? 0 : UnsharedBytes(before, beforeText!));

        return new RosterIndex(
            entries,
            Texts.SetItem(slot, text),
            added ? Ids.SetItem(slot, entry.Id) : Ids,
            added ? _slotsById.With([KeyValuePair.Create(entry.Id, slot)]) : _slotsById,
            beforeText == text ? Grams : Grams.With(slot, beforeText, text, rosterSize),
            Orders.With(entries, slot, added),
            DepartmentTable.With(slot, before?.Department, after.Department, rosterSize),
            beforeText == text ? TermMatches : TermMatches.With(slot, text, rosterSize),
            stringBytes);
    }

    /// <summary>Bytes of the strings an entry holds alone: its display name, email and search text.</summary>
    private static long UnsharedBytes(RosterEntry entry, string text) =>
        RosterMemory.String(entry.DisplayName) + RosterMemory.String(entry.Email) + RosterMemory.String(text);

    /// <summary>
    /// Bytes of the strings of a patched entry's names, title, department and location that are neither the
    /// instances its previous entry held nor a department name of the index. A value that other entries also
    /// hold is counted again: a patch cannot tell without a pool, and the difference is a few bytes per patch.
    /// </summary>
    private long NewSharedBytes(RosterEntry after, RosterEntry? before)
    {
        var bytes = 0L;
        foreach (var (value, previous) in new[]
        {
            (after.GivenName, before?.GivenName), (after.FamilyName, before?.FamilyName), (after.Title, before?.Title),
            (after.Location, before?.Location), (after.Department, before?.Department),
        })
        {
            if (!ReferenceEquals(value, previous) && !DepartmentTable.Names.Any(name => ReferenceEquals(name, value)))
            {
                bytes += RosterMemory.String(value);
            }
        }

        return bytes;
    }

    /// <summary>The entry, holding the instances this index already has for every field whose value did not change, and for its department name.</summary>
    private RosterEntry ShareStrings(RosterEntry entry, RosterEntry? before)
    {
        if (before is not null && entry == before)
        {
            return before;
        }

        return entry with
        {
            GivenName = Same(entry.GivenName, before?.GivenName),
            FamilyName = Same(entry.FamilyName, before?.FamilyName),
            DisplayName = Same(entry.DisplayName, before?.DisplayName),
            Title = Same(entry.Title, before?.Title),
            Department = DepartmentTable.Names.FirstOrDefault(name => name == entry.Department) ?? Same(entry.Department, before?.Department),
            Email = Same(entry.Email, before?.Email),
            Location = Same(entry.Location, before?.Location),
        };
    }

    private static string Same(string value, string? previous) => previous == value ? previous : value;
}
