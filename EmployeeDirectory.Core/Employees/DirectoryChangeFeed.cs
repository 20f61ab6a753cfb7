using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.DirectoryCache;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Turns the cache's key invalidations into "these employees changed" events for open pages, and passes on the
/// changes no write makes (a back-at time passing, raised by <see cref="Presence.PresenceExpiry"/>).
/// </summary>
internal sealed class DirectoryChangeFeed : IDirectoryChangeFeed, IDisposable
{
    private readonly IFieldCache _cache;

    public DirectoryChangeFeed(IFieldCache cache)
    {
        _cache = cache;
        _cache.Invalidated += OnInvalidated;
    }

    public event EventHandler<DirectoryChangedEventArgs>? Changed;

    public void Dispose() => _cache.Invalidated -= OnInvalidated;

    /// <summary>Tells open pages that these employees changed although nothing was written.</summary>
    public void Raise(DirectoryChangeKind kind, IReadOnlyList<int> employeeIds) =>
        Changed?.Invoke(this, new DirectoryChangedEventArgs(kind, employeeIds));

    private void OnInvalidated(object? sender, CacheInvalidatedEventArgs e)
    {
        if (e.Everything)
        {
            Changed?.Invoke(this, new DirectoryChangedEventArgs(DirectoryChangeKind.Everything, []));
            return;
        }

        var status = new List<int>();
        var profile = new List<int>();
        foreach (var key in e.Keys)
        {
            if (_cache.Keys.TryParse(key, out var parsed) && parsed.Id is { } id)
            {
                (parsed.Family == DirectoryCacheContract.EmployeeStatus ? status : profile).Add(id);
            }
        }

        if (status.Count > 0)
        {
            Changed?.Invoke(this, new DirectoryChangedEventArgs(DirectoryChangeKind.Status, status));
        }

        if (profile.Count > 0)
        {
            Changed?.Invoke(this, new DirectoryChangedEventArgs(DirectoryChangeKind.Profile, profile));
        }
    }
}
