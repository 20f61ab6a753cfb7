using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>What the prerendered directory showed, carried into the interactive render so nothing loads twice.</summary>
public sealed record PeopleSnapshot(DirectoryQuery Query, DirectoryPage Page, IReadOnlyList<DepartmentSummary> Departments);
