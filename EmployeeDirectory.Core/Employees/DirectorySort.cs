namespace EmployeeDirectory.Core.Employees;

/// <summary>Sort orders for a directory page. Every order breaks ties by id, so paging is stable.</summary>
public enum DirectorySort
{
    /// <summary>Family name, then given name (the default).</summary>
    Name = 0,

    /// <summary>Family name, then given name, descending.</summary>
    NameDescending,

    /// <summary>Title, then name.</summary>
    Title,
    /// <summary>Title descending, then name descending.</summary>
    TitleDescending,
    /// <summary>Department, then name.</summary>
    Department,
    /// <summary>Department descending, then name descending.</summary>
    DepartmentDescending,
    /// <summary>Location, then name.</summary>
    Location,
    /// <summary>Location descending, then name descending.</summary>
    LocationDescending,
}
