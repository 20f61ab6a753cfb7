namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// What changed in the directory, typed, as the write carried it: statuses with their new values, profiles with
/// their fields before and after. Raised once per invalidation, on this server whoever wrote.
/// </summary>
public sealed class DirectoryChangedEventArgs : EventArgs
{
    /// <summary>Changes of statuses and profiles.</summary>
    public DirectoryChangedEventArgs(IReadOnlyList<StatusChange> statuses, IReadOnlyList<ProfileChange> profiles, bool departmentsChanged = false)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(profiles);
        Statuses = statuses;
        Profiles = profiles;
        DepartmentsChanged = departmentsChanged;
    }

    private DirectoryChangedEventArgs()
    {
        Statuses = [];
        Profiles = [];
        Everything = true;
        DepartmentsChanged = true;
    }

    /// <summary>Anything may have changed (the cache was cleared, e.g. after a generation change): refresh everything shown.</summary>
    public static DirectoryChangedEventArgs Cleared { get; } = new();

    /// <summary>Statuses that changed.</summary>
    public IReadOnlyList<StatusChange> Statuses { get; }

    /// <summary>Profiles that changed.</summary>
    public IReadOnlyList<ProfileChange> Profiles { get; }

    /// <summary>True when the list of departments changed.</summary>
    public bool DepartmentsChanged { get; }

    /// <summary>True when anything may have changed: <see cref="Statuses"/> and <see cref="Profiles"/> are then empty.</summary>
    public bool Everything { get; }

    /// <summary>Status changes only.</summary>
    public static DirectoryChangedEventArgs OfStatuses(IReadOnlyList<StatusChange> statuses) => new(statuses, []);
}
