using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.DirectoryCache;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Turns the cache's typed invalidations into directory changes: a status key's drop carries the new status, a
/// roster patch the profile's fields now and before. It also passes on the changes no write makes (a back-at time
/// passing, raised by <see cref="Presence.PresenceExpiry"/>).
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

    /// <summary>Tells listeners these statuses changed although nothing was written (a back-at time passed).</summary>
    public void Raise(IReadOnlyList<StatusChange> statuses)
    {
        if (statuses.Count > 0)
        {
            Changed?.Invoke(this, DirectoryChangedEventArgs.OfStatuses(statuses));
        }
    }

    private void OnInvalidated(object? sender, CacheInvalidatedEventArgs e)
    {
        if (Changed is not { } changed)
        {
            return;
        }

        if (e.Everything)
        {
            changed(this, DirectoryChangedEventArgs.Cleared);
            return;
        }

        if (Read(e.Invalidation) is { } change)
        {
            changed(this, change);
        }
    }

    /// <summary>The directory change an invalidation describes; null when it touches nothing pages show.</summary>
    internal static DirectoryChangedEventArgs? Read(CacheInvalidation invalidation)
    {
        List<StatusChange>? statuses = null;
        List<ProfileChange>? profiles = null;
        var departments = false;
        foreach (var drop in invalidation.Drops)
        {
            if (drop.Family == DirectoryCacheContract.EmployeeStatus)
            {
                (statuses ??= []).Add(new StatusChange(drop.Id, DirectoryCacheContract.EmployeeStatus.SuccessorOf(drop)));
            }
        }

        foreach (var patch in invalidation.Patches)
        {
            var id = patch.Member.Id;
            if (patch.Aggregate == DirectoryCacheContract.Roster)
            {
                if (id < 0)
                {
                    departments = true;
                }
                else
                {
                    (profiles ??= []).Add(new ProfileChange(id, RosterCodec.Entry(id, patch.Member.Payload), RosterCodec.Entry(id, patch.Previous)));
                }
            }
            else if (patch.Aggregate == DirectoryCacheContract.Presence && statuses?.Exists(s => s.EmployeeId == id) != true)
            {
                (statuses ??= []).Add(new StatusChange(id, null));
            }
        }

        // A profile key dropped without its roster patch (an operator's eviction): the fields must be read.
        foreach (var drop in invalidation.Drops)
        {
            if (drop.Family == DirectoryCacheContract.EmployeeProfile && profiles?.Exists(p => p.EmployeeId == drop.Id) != true)
            {
                (profiles ??= []).Add(new ProfileChange(drop.Id, null, null));
            }
        }

        return statuses is null && profiles is null && !departments
            ? null
            : new DirectoryChangedEventArgs(statuses ?? [], profiles ?? [], departments);
    }
}
