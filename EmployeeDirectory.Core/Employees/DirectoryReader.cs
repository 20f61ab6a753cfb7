using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Cached reads shared by the directory, presence and roll call services: each goes L1, L2, then the loader.
/// Statuses come back as they hold now: a back-at time that passed reverts them, with no write and no reload.
/// </summary>
internal sealed class DirectoryReader(IFieldCache cache, EmployeeLoader loader, TimeProvider timeProvider)
{
    public ValueTask<RosterIndex> RosterAsync(CancellationToken cancellationToken) =>
        cache.GetAggregateAsync(DirectoryCacheContract.Roster, loader.RosterMembersAsync, cancellationToken);

    /// <summary>The presence aggregate as this server holds it, back-at times that passed included (the expiry timer reads their versions).</summary>
    public ValueTask<PresenceRoster> PresenceSnapshotAsync(CancellationToken cancellationToken) =>
        cache.GetAggregateAsync(DirectoryCacheContract.Presence, loader.PresenceMembersAsync, cancellationToken);

    /// <summary>Who is In at this moment.</summary>
    public async ValueTask<PresenceRoster> PresenceAsync(CancellationToken cancellationToken) =>
        (await PresenceSnapshotAsync(cancellationToken).ConfigureAwait(false)).AsOf(timeProvider.GetUtcNow());

    public ValueTask<EmployeeProfile?> ProfileAsync(int id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(cache.Keys.Profile(id), (loader, id), static (s, ct) => s.loader.ProfileAsync(s.id, ct), cancellationToken);

    public async ValueTask<EmployeeStatus?> StatusAsync(int id, CancellationToken cancellationToken)
    {
        var status = await cache.GetOrLoadAsync(cache.Keys.Status(id), (loader, id), static (s, ct) => s.loader.StatusAsync(s.id, ct), cancellationToken).ConfigureAwait(false);
        return status?.AsOf(timeProvider.GetUtcNow());
    }

    /// <summary>Statuses of a page of employees: one Redis round trip and one query for whatever missed.</summary>
    public async Task<IReadOnlyDictionary<int, EmployeeStatus>> StatusesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var statuses = await cache.GetOrLoadManyAsync(ids, cache.Keys.Status, loader.StatusesAsync, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        return statuses.Values.Any(status => status.Until <= now)
            ? statuses.ToDictionary(pair => pair.Key, pair => pair.Value.AsOf(now))
            : statuses;
    }

    /// <summary>The roll call, computed by <paramref name="count"/> when the cache has none.</summary>
    public async Task<RollCallSummary> RollCallAsync(Func<CancellationToken, Task<RollCallSummary?>> count, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync(cache.Keys.RollCall, count, static (c, ct) => c(ct), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("The roll call could not be counted.");

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
