using EmployeeDirectory.Core.Employees;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>Maps the table's sortable columns and directions to <see cref="DirectorySort"/> and back.</summary>
public static class DirectorySortLabels
{
    public const string Name = "name";
    public const string Title = "title";
    public const string Department = "department";
    public const string Location = "location";

    /// <summary>The sort a column header asks for, or null when the table reports no sort.</summary>
    public static DirectorySort? ToSort(string? label, SortDirection direction)
    {
        var descending = direction == SortDirection.Descending;
        if (direction == SortDirection.None)
        {
            return null;
        }

        return label switch
        {
            Name => descending ? DirectorySort.NameDescending : DirectorySort.Name,
            Title => descending ? DirectorySort.TitleDescending : DirectorySort.Title,
            Department => descending ? DirectorySort.DepartmentDescending : DirectorySort.Department,
            Location => descending ? DirectorySort.LocationDescending : DirectorySort.Location,
            _ => null,
        };
    }

    /// <summary>The direction a column header shows for the current sort.</summary>
    public static SortDirection DirectionFor(string label, DirectorySort sort) => (label, sort) switch
    {
        (Name, DirectorySort.Name) or (Title, DirectorySort.Title) or (Department, DirectorySort.Department) or (Location, DirectorySort.Location) => SortDirection.Ascending,
        (Name, DirectorySort.NameDescending) or (Title, DirectorySort.TitleDescending) or (Department, DirectorySort.DepartmentDescending) or (Location, DirectorySort.LocationDescending) => SortDirection.Descending,
        _ => SortDirection.None,
    };
}
