namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// What a profile change moved, as far as directory pages care: the name (part of every sort order), the other
/// sort keys, the text search matches, and the department (a filter). Computed once per change from its fields
/// before and after; a change whose fields are not both known moved everything.
/// </summary>
public readonly record struct ProfileMovement(bool Name, bool Title, bool Department, bool Location, bool SearchText, string? DepartmentBefore, string? DepartmentAfter)
{
    /// <summary>True when nothing pages order or filter by changed (a phone number, a display name's case...).</summary>
    public bool None => !Name && !Title && !Department && !Location && !SearchText;

    /// <summary>What <paramref name="change"/> moved.</summary>
    public static ProfileMovement Of(ProfileChange change)
    {
        if (change.Previous is not { } before || change.Current is not { } after)
        {
            return new(true, true, true, true, true, change.Previous?.Department, change.Current?.Department);
        }

        var text = RosterOrder.Text;
        return new(
            Name: !text.Equals(before.FamilyName, after.FamilyName) || !text.Equals(before.GivenName, after.GivenName),
            Title: !text.Equals(before.Title, after.Title),
            Department: !text.Equals(before.Department, after.Department),
            Location: !text.Equals(before.Location, after.Location),
            SearchText: !string.Equals(Employees.SearchText.Of(before), Employees.SearchText.Of(after), StringComparison.Ordinal),
            before.Department,
            after.Department);
    }

    /// <summary>True when a page sorted by <paramref name="sort"/> may show its rows in another order.</summary>
    public bool Reorders(DirectorySort sort) => Name || RosterOrder.Direction(sort).Ascending switch
    {
        DirectorySort.Title => Title,
        DirectorySort.Department => Department,
        DirectorySort.Location => Location,
        _ => false,
    };

    /// <summary>True when the change may move the employee into or out of the department <paramref name="department"/>.</summary>
    public bool Touches(string department) =>
        Department && (DepartmentBefore is null || DepartmentAfter is null
            || string.Equals(DepartmentBefore, department, StringComparison.OrdinalIgnoreCase)
            || string.Equals(DepartmentAfter, department, StringComparison.OrdinalIgnoreCase));
}
