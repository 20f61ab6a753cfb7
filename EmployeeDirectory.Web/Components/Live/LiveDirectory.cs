using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Components.Live;

/// <summary>
/// The one dispatcher of directory changes on this server: it hears the typed change feed once, and hands each
/// change only to the open views it can affect: those showing the employee it names (an index from employee id to
/// views), and those whose query a change of that kind can reorder or refilter (views filed by filter and sort
/// key). No view examines every change, and no view polls.
/// </summary>
public sealed class LiveDirectory : IDisposable
{
    private static readonly DirectorySort[] SortKeys = [DirectorySort.Title, DirectorySort.Department, DirectorySort.Location];

    private readonly Lock _gate = new();
    private readonly IDirectoryChangeFeed _feed;
    private readonly HashSet<LiveRegistration> _all = [];
    private readonly Dictionary<int, HashSet<LiveRegistration>> _showing = [];
    private readonly HashSet<LiveRegistration> _allStatuses = [];
    private readonly HashSet<LiveRegistration> _queries = [];
    private readonly Dictionary<DirectorySort, HashSet<LiveRegistration>> _bySortKey = SortKeys.ToDictionary(sort => sort, _ => new HashSet<LiveRegistration>());
    private readonly HashSet<LiveRegistration> _searching = [];
    private readonly Dictionary<string, HashSet<LiveRegistration>> _byDepartment = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<LiveRegistration> _departmentLists = [];

    public LiveDirectory(IDirectoryChangeFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _feed = feed;
        _feed.Changed += OnChanged;
    }

    /// <summary>Open views, for the operator's figures.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Starts handing changes to <paramref name="view"/>: at first none, until it says what it shows (<see cref="LiveRegistration.Update"/>).</summary>
    public LiveRegistration Register(ILiveView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var registration = new LiveRegistration(this, view);
        lock (_gate)
        {
            _all.Add(registration);
        }

        return registration;
    }

    public void Dispose() => _feed.Changed -= OnChanged;

    internal void Update(LiveRegistration registration, LiveInterest interest, IReadOnlyCollection<int> shown)
    {
        lock (_gate)
        {
            if (!_all.Contains(registration))
            {
                return;
            }

            File(registration, add: false);
            registration.Interest = interest;
            registration.Shown = [.. shown];
            File(registration, add: true);
        }
    }

    internal void Unregister(LiveRegistration registration)
    {
        lock (_gate)
        {
            if (_all.Remove(registration))
            {
                File(registration, add: false);
            }
        }
    }

    /// <summary>Files a registration under (or removes it from) every index its interest and rows call for.</summary>
    private void File(LiveRegistration registration, bool add)
    {
        foreach (var id in registration.Shown)
        {
            if (add)
            {
                BucketOf(_showing, id).Add(registration);
            }
            else if (_showing.TryGetValue(id, out var views) && views.Remove(registration) && views.Count == 0)
            {
                _showing.Remove(id);
            }
        }

        var interest = registration.Interest;
        Toggle(_allStatuses, registration, add && interest.AllStatuses);
        Toggle(_departmentLists, registration, add && interest.Departments);
        if (interest.Query is not { } query)
        {
            return;
        }

        Toggle(_queries, registration, add);
        var sortKey = DirectorySortKey(query.Sort);
        if (_bySortKey.TryGetValue(sortKey, out var bySort))
        {
            Toggle(bySort, registration, add);
        }

        if (query.Text is not null)
        {
            Toggle(_searching, registration, add);
        }

        if (query.Department is { } department)
        {
            if (add)
            {
                BucketOf(_byDepartment, department).Add(registration);
            }
            else if (_byDepartment.TryGetValue(department, out var views) && views.Remove(registration) && views.Count == 0)
            {
                _byDepartment.Remove(department);
            }
        }
    }

    private void OnChanged(object? sender, DirectoryChangedEventArgs change)
    {
        var targets = new HashSet<LiveRegistration>();
        lock (_gate)
        {
            if (change.Everything)
            {
                targets.UnionWith(_all);
            }
            else
            {
                Collect(change, targets);
            }
        }

        foreach (var target in targets)
        {
            target.View.Deliver(change);
        }
    }

    /// <summary>The views a change can affect: a superset of those <see cref="DirectoryChangeImpact"/> would have re-query, plus those showing the employees.</summary>
    private void Collect(DirectoryChangedEventArgs change, HashSet<LiveRegistration> targets)
    {
        if (change.Statuses.Count > 0)
        {
            targets.UnionWith(_allStatuses);
            foreach (var status in change.Statuses)
            {
                AddShowing(status.EmployeeId, targets);
            }
        }

        foreach (var profile in change.Profiles)
        {
            AddShowing(profile.EmployeeId, targets);
            var movement = ProfileMovement.Of(profile);
            if (movement.Name)
            {
                // Every order sorts by name, at least to break ties.
                targets.UnionWith(_queries);
                continue;
            }

            AddIf(movement.Title, _bySortKey[DirectorySort.Title], targets);
            AddIf(movement.Department, _bySortKey[DirectorySort.Department], targets);
            AddIf(movement.Location, _bySortKey[DirectorySort.Location], targets);
            AddIf(movement.SearchText, _searching, targets);
            if (movement.Department)
            {
                foreach (var (department, views) in _byDepartment)
                {
                    if (movement.Touches(department))
                    {
                        targets.UnionWith(views);
                    }
                }
            }
        }

        if (change.DepartmentsChanged)
        {
            targets.UnionWith(_departmentLists);
        }
    }

    private void AddShowing(int employeeId, HashSet<LiveRegistration> targets)
    {
        if (_showing.TryGetValue(employeeId, out var views))
        {
            targets.UnionWith(views);
        }
    }

    private static void AddIf(bool condition, HashSet<LiveRegistration> views, HashSet<LiveRegistration> targets)
    {
        if (condition)
        {
            targets.UnionWith(views);
        }
    }

    private static DirectorySort DirectorySortKey(DirectorySort sort) => sort switch
    {
        DirectorySort.TitleDescending => DirectorySort.Title,
        DirectorySort.DepartmentDescending => DirectorySort.Department,
        DirectorySort.LocationDescending => DirectorySort.Location,
        DirectorySort.NameDescending => DirectorySort.Name,
        _ => sort,
    };

    private static HashSet<LiveRegistration> BucketOf<TKey>(Dictionary<TKey, HashSet<LiveRegistration>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var views))
        {
            views = [];
            index[key] = views;
        }

        return views;
    }

    private static void Toggle(HashSet<LiveRegistration> set, LiveRegistration registration, bool member)
    {
        if (member)
        {
            set.Add(registration);
        }
        else
        {
            set.Remove(registration);
        }
    }
}
