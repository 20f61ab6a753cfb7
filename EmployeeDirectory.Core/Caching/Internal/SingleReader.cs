namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// A single read that L1 missed: it joins the load of that key already under way, or leads one down
/// <see cref="ReadThrough.ReadOneAsync"/> on the cache's own token, so one caller giving up never fails the others.
/// </summary>
internal sealed class SingleReader(L1Store l1, SingleFlight flights, ReadThrough reads, CancellationToken shutdown)
{
    public async Task<T?> MissAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var l1Version = l1.VersionOf(key.Name);
        if (!flights.TryLead(key.Name, out var flight))
        {
            return (T?)await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The caller that leads awaits the load directly; only joiners wait on the shared task.
        return await LeadAsync(key, l1Version, state, load, flight).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T?> LeadAsync<TState, T>(CacheKey<T> key, L1Version l1Version, TState state, Func<TState, CancellationToken, Task<T?>> load, TaskCompletionSource<object?> flight)
        where T : class
    {
        try
        {
            var value = await reads.ReadOneAsync(key, l1Version, state, load, shutdown).ConfigureAwait(false);
            flights.Land(key.Name, flight, value);
            return value;
        }
        catch (Exception error)
        {
            flights.Crash(key.Name, flight, error);
            throw;
        }
    }
}
