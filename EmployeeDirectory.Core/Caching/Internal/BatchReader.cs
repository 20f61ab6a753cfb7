namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Batch reads: what L1 holds is answered at once; each missing key either joins a load already under way
/// (single flight, so identical pages read at once cost one query) or is led by this read, and every key this
/// read leads goes down <see cref="ReadThrough.ReadManyAsync"/> together: one Redis round trip, one loader call.
/// </summary>
internal sealed class BatchReader(L1Store l1, SingleFlight flights, ReadThrough reads, CacheMetrics metrics, CancellationToken shutdown)
{
    public async Task<IReadOnlyDictionary<TId, T>> ReadAsync<TId, T>(
        IReadOnlyCollection<TId> ids,
        Func<TId, CacheKey<T>> keyOf,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing,
        CancellationToken cancellationToken)
        where TId : notnull
        where T : class
    {
        var found = new Dictionary<TId, T>(ids.Count);
        var led = new List<BatchMiss<TId, T>>();
        var ledFlights = new List<TaskCompletionSource<object?>>();
        var joined = new List<(TId Id, Task<object?> Flight)>();
        var seen = new HashSet<TId>();
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var key = keyOf(id);
            if (l1.TryGet<T>(key.Name, out var value))
            {
                metrics.L1Hit(key.Policy, 0);
                found[id] = value;
                continue;
            }

            metrics.Miss(CacheTier.L1, key.Policy);
            var l1Version = l1.VersionOf(key.Name);
            if (flights.TryLead(key.Name, out var flight))
            {
                led.Add(new BatchMiss<TId, T>(id, key, l1Version));
                ledFlights.Add(flight);
            }
            else
            {
                joined.Add((id, flight.Task));
            }
        }

        if (led.Count > 0)
        {
            var values = await LeadAsync(led, ledFlights, loadMissing).WaitAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < led.Count; i++)
            {
                if (values[i] is { } value)
                {
                    found[led[i].Id] = value;
                }
            }
        }

        foreach (var (id, flight) in joined)
        {
            if (await flight.WaitAsync(cancellationToken).ConfigureAwait(false) is T value)
            {
                found[id] = value;
            }
        }

        return found;
    }

    // The shared load runs on the cache's own token: one caller giving up must not fail the others.
    private async Task<T?[]> LeadAsync<TId, T>(
        List<BatchMiss<TId, T>> misses,
        List<TaskCompletionSource<object?>> ledFlights,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> loadMissing)
        where TId : notnull
        where T : class
    {
        try
        {
            var values = await reads.ReadManyAsync(misses, loadMissing, shutdown).ConfigureAwait(false);
            for (var i = 0; i < misses.Count; i++)
            {
                flights.Land(misses[i].Key.Name, ledFlights[i], values[i]);
            }

            return values;
        }
        catch (Exception error)
        {
            for (var i = 0; i < misses.Count; i++)
            {
                flights.Crash(misses[i].Key.Name, ledFlights[i], error);
            }

            throw;
        }
    }
}
