using System.Collections.Concurrent;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Loads under way in this process, by key: the first reader of a missing key leads the load and the
/// others await its result, so concurrent misses of one key cost one load.
/// </summary>
internal sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<object?>> _flights = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the caller leads the load of <paramref name="key"/> and must end <paramref name="flight"/>
    /// with <see cref="Land"/> or <see cref="Crash"/>; false when another caller leads it and
    /// <paramref name="flight"/> is theirs to await.
    /// </summary>
    public bool TryLead(string key, out TaskCompletionSource<object?> flight)
    {
        while (true)
        {
            if (_flights.TryGetValue(key, out flight!))
            {
                return false;
            }

            var started = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_flights.TryAdd(key, started))
            {
                flight = started;
                return true;
            }
        }
    }

    /// <summary>Ends a flight with its value (null when there was nothing to load).</summary>
    public void Land(string key, TaskCompletionSource<object?> flight, object? value)
    {
        _flights.TryRemove(new KeyValuePair<string, TaskCompletionSource<object?>>(key, flight));
        flight.TrySetResult(value);
    }

    /// <summary>Ends a flight with the error its load raised; everyone awaiting it sees the error.</summary>
    public void Crash(string key, TaskCompletionSource<object?> flight, Exception error)
    {
        _flights.TryRemove(new KeyValuePair<string, TaskCompletionSource<object?>>(key, flight));
        flight.TrySetException(error);
    }

    /// <summary>A load under way may have read what an invalidation just replaced: later readers must not join it.</summary>
    public void Forget(string key) => _flights.TryRemove(key, out _);

    /// <summary>Later readers join no load started before now.</summary>
    public void ForgetAll() => _flights.Clear();
}
