namespace EmployeeDirectory.Core.Employees;

/// <summary>Sort orders for a directory page. Every order breaks ties by id, so paging is stable.</summary>
public enum DirectorySort
{
    /// <summary>Family name, then given name (the default).</summary>
    Name = 0,

    /// <summary>Family name, then given name, descending.</summary>
    NameDescending,

    Title,
    TitleDescending,
    Department,
    DepartmentDescending,
    Location,
    LocationDescending,
}
