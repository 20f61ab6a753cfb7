using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>Cached reads shared by the directory and presence services: each goes L1, L2, then the loader.</summary>
internal sealed class DirectoryReader(IFieldCache cache, EmployeeLoader loader)
{
    public ValueTask<RosterIndex> RosterAsync(CancellationToken cancellationToken) =>
        cache.GetAggregateAsync(DirectoryCacheContract.Roster, loader.RosterMembersAsync, cancellationToken);

    public ValueTask<PresenceRoster> PresenceAsync(CancellationToken cancellationToken) =>
        cache.GetAggregateAsync(DirectoryCacheContract.Presence, loader.PresenceMembersAsync, cancellationToken);

    public ValueTask<EmployeeProfile?> ProfileAsync(int id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(cache.Keys.Profile(id), (loader, id), static (s, ct) => s.loader.ProfileAsync(s.id, ct), cancellationToken);

    public ValueTask<EmployeeStatus?> StatusAsync(int id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(cache.Keys.Status(id), (loader, id), static (s, ct) => s.loader.StatusAsync(s.id, ct), cancellationToken);

    /// <summary>Statuses of a page of employees: one Redis round trip and one query for whatever missed.</summary>
    public Task<IReadOnlyDictionary<int, EmployeeStatus>> StatusesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        cache.GetOrLoadManyAsync(ids, cache.Keys.Status, loader.StatusesAsync, cancellationToken);

    public async Task<EmployeeDetails?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return null;
        }

        var status = await StatusAsync(id, cancellationToken).ConfigureAwait(false);
        return status is null ? null : new EmployeeDetails(profile, status);
    }
}
