using System.Diagnostics;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// A single read that L1 missed: it joins the load of that key already under way, or leads one on the cache's
/// own token, so one caller giving up never fails the others. The lead's common case, an L2 hit, is awaited in
/// <see cref="LeadAsync"/> itself: one allocation for the whole wait, where a chain of async calls costs one each.
/// </summary>
internal sealed class SingleReader(L1Store l1, SingleFlight flights, RedisGate gate, ReadThrough reads, CancellationToken shutdown)
{
    public Task<T?> MissAsync<TState, T>(CacheKey<T> key, TState state, Func<TState, CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var l1Version = l1.VersionOf(key.Name);
        if (!flights.TryLead(key.Name, out var flight))
        {
            return JoinAsync<T>(flight, cancellationToken);
        }

        // The caller that leads awaits the load directly; only joiners wait on the shared task.
        var lead = LeadAsync(key, l1Version, state, load, flight);
        return cancellationToken.CanBeCanceled ? lead.WaitAsync(cancellationToken) : lead;
    }

    private static async Task<T?> JoinAsync<T>(TaskCompletionSource<object?> flight, CancellationToken cancellationToken)
        where T : class =>
        (T?)await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

    private async Task<T?> LeadAsync<TState, T>(CacheKey<T> key, L1Version l1Version, TState state, Func<TState, CancellationToken, Task<T?>> load, TaskCompletionSource<object?> flight)
        where T : class
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            Guarded<RedisValueWithExpiry>? read = null;
            try
            {
                if (gate.TryStart(key.Name, static (tier, name) => tier.ReadAsync(name)) is { } pending)
                {
                    read = gate.Succeeded(await pending.ConfigureAwait(false));
                }
            }
            catch (Exception error) when (RedisGate.IsFailure(error))
            {
                read = gate.Failed<RedisValueWithExpiry>(error);
            }

            var value = read is not { } answered
                ? await reads.ReadOneAsync(key, l1Version, state, load, shutdown).ConfigureAwait(false)
                : reads.TryHit(key, answered, l1Version, started, out var cached)
                    ? cached
                    : await reads.LoadAsync(key, l1Version, state, load, answered.Succeeded, shutdown).ConfigureAwait(false);
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
