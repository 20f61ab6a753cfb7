namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Comparisons behind each <see cref="DirectorySort"/>; culture-aware and case-insensitive, ties by id. Every
/// descending order is exactly the reverse of its ascending one, ties included, so an index keeps the four
/// ascending orders and reads them backwards for the other four.
/// </summary>
internal static class RosterOrder
{
    /// <summary>How every sort compares names, titles, departments and locations.</summary>
    public static readonly StringComparer Text = StringComparer.InvariantCultureIgnoreCase;

    /// <summary>The ascending sorts, one per sort key.</summary>
    public static IReadOnlyList<DirectorySort> Ascending { get; } = [DirectorySort.Name, DirectorySort.Title, DirectorySort.Department, DirectorySort.Location];

    /// <summary>The ascending sort <paramref name="sort"/> reads, and whether it reads it backwards.</summary>
    public static (DirectorySort Ascending, bool Reversed) Direction(DirectorySort sort) => sort switch
    {
        DirectorySort.Name or DirectorySort.Title or DirectorySort.Department or DirectorySort.Location => (sort, false),
        DirectorySort.NameDescending => (DirectorySort.Name, true),
        DirectorySort.TitleDescending => (DirectorySort.Title, true),
        DirectorySort.DepartmentDescending => (DirectorySort.Department, true),
        DirectorySort.LocationDescending => (DirectorySort.Location, true),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };

    /// <summary>The field an ascending sort compares before the name; null for <see cref="DirectorySort.Name"/> itself.</summary>
    public static Func<RosterEntry, string>? PrimaryKey(DirectorySort ascending) => ascending switch
    {
        DirectorySort.Name => null,
        DirectorySort.Title => e => e.Title,
        DirectorySort.Department => e => e.Department,
        DirectorySort.Location => e => e.Location,
        _ => throw new ArgumentOutOfRangeException(nameof(ascending), ascending, "Not an ascending sort."),
    };

    public static Comparison<RosterEntry> For(DirectorySort sort) => sort switch
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
}
