namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Makes roster entries share one instance of each name, title, department and location while an index is
/// built: a hundred thousand entries hold a few thousand distinct values of those fields, and every entry
/// loaded from a database or from JSON brings its own copies. Counts the bytes of the instances it keeps.
/// </summary>
internal sealed class RosterStringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <param name="held">Strings held elsewhere in the index (department names): shared, but not counted here.</param>
    public RosterStringPool(IEnumerable<string> held)
    {
        foreach (var value in held)
        {
            _strings.TryAdd(value, value);
        }
    }

    /// <summary>Managed bytes of the strings the pool added.</summary>
    public long Bytes { get; private set; }

    public RosterEntry Share(RosterEntry entry)
    {
        var given = Share(entry.GivenName);
        var family = Share(entry.FamilyName);
        var title = Share(entry.Title);
        var department = Share(entry.Department);
        var location = Share(entry.Location);
        return ReferenceEquals(given, entry.GivenName)
            && ReferenceEquals(family, entry.FamilyName)
            && ReferenceEquals(title, entry.Title)
            && ReferenceEquals(department, entry.Department)
            && ReferenceEquals(location, entry.Location)
                ? entry
                : entry with { GivenName = given, FamilyName = family, Title = title, Department = department, Location = location };
    }

    private string Share(string value)
    {
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _strings.Add(value, value);
        Bytes += RosterMemory.String(value);
        return value;
    }
}
