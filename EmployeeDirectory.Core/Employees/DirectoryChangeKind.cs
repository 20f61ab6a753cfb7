namespace EmployeeDirectory.Core.Employees;

/// <summary>What changed about the employees named in a <see cref="DirectoryChangedEventArgs"/>.</summary>
public enum DirectoryChangeKind
{
    /// <summary>Their In/Out status.</summary>
    Status,

    /// <summary>Their profile (name, title, department...).</summary>
    Profile,

    /// <summary>Anything: the cache was cleared (for example after a Redis reconnect); refresh everything shown.</summary>
    Everything,
}
