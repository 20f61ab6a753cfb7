namespace EmployeeDirectory.Core.Employees;

/// <summary>Employees whose cached data was invalidated, on this server or another.</summary>
public sealed class DirectoryChangedEventArgs(DirectoryChangeKind kind, IReadOnlyList<int> employeeIds) : EventArgs
{
    /// <summary>What changed.</summary>
    public DirectoryChangeKind Kind { get; } = kind;

    /// <summary>Affected employees; empty when <see cref="Kind"/> is <see cref="DirectoryChangeKind.Everything"/>.</summary>
    public IReadOnlyList<int> EmployeeIds { get; } = employeeIds;

    /// <summary>True when a page showing <paramref name="employeeId"/> should refresh it.</summary>
    public bool Affects(int employeeId) => Kind == DirectoryChangeKind.Everything || EmployeeIds.Contains(employeeId);
}
