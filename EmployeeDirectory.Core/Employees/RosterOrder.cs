namespace EmployeeDirectory.Core.Employees;

/// <summary>Comparisons behind each <see cref="DirectorySort"/>; culture-aware and case-insensitive, ties by id.</summary>
internal static class RosterOrder
{
    private static readonly StringComparer Text = StringComparer.InvariantCultureIgnoreCase;

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
