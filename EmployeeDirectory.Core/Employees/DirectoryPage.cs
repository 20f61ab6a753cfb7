namespace EmployeeDirectory.Core.Employees;

/// <summary>One page of directory results and the total number of matches.</summary>
public sealed record DirectoryPage(IReadOnlyList<DirectoryRow> Items, int Total, int Page, int PageSize);
