using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The one way to Redis. Every call goes through <see cref="TryAsync"/>: the circuit breaker decides whether
/// it may, invalidations owed to Redis are delivered first, failures are classified and logged in one place,
/// and the caller gets <see cref="Guarded{T}.Unavailable"/> instead of an exception.
/// </summary>
internal sealed partial class RedisGate : IDisposable
{
    private readonly CircuitBreaker _breaker;
    private readonly SemaphoreSlim _delivering = new(1, 1);
    private readonly ILogger _logger;
    private Func<RedisTier, Task<int>>? _deliverOwed;
    private Func<bool> _owesNothing = static () => true;

    public RedisGate(RedisTier? tier, CacheOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Tier = tier;
        _logger = logger;
        _breaker = new CircuitBreaker(options.BreakerFailureThreshold, options.BreakerOpenDuration, timeProvider);
        _breaker.Opened += error =>
        {
            Log.RedisUnavailable(_logger, error);
            Opened?.Invoke();
        };
        _breaker.Recovered += () =>
        {
            Log.RedisRecovered(_logger);
            Recovered?.Invoke();
        };
        if (tier is not null)
        {
            tier.Connection.ConnectionRestored += OnConnectionRestored;
        }
    }

    /// <summary>Raised once when the breaker opens: Redis stopped answering.</summary>
    public event Action? Opened;

    /// <summary>Raised once when a probe succeeds after an outage.</summary>
    public event Action? Recovered;

    /// <summary>The Redis tier; null when Redis is not configured.</summary>
    public RedisTier? Tier { get; }

    /// <summary>True while Redis is configured but unavailable (breaker open or connection down).</summary>
    public bool IsDegraded => Tier is not null && (_breaker.IsOpen || !Tier.Connection.IsConnected);

    /// <summary>
    /// What must reach Redis before anything reads it: <paramref name="owesNothing"/> answers quickly whether
    /// anything is owed, <paramref name="deliver"/> delivers it (Redis failures propagate) and says how much.
    /// </summary>
    public void OweTo(Func<bool> owesNothing, Func<RedisTier, Task<int>> deliver)
    {
        _owesNothing = owesNothing;
        _deliverOwed = deliver;
    }

    /// <summary>What counts as Redis failing (as opposed to a bug): the one definition.</summary>
    public static bool IsFailure(Exception error) => error is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>Runs <paramref name="call"/> against Redis when it may, or answers unavailable.</summary>
    public async ValueTask<Guarded<T>> TryAsync<TState, T>(TState state, Func<RedisTier, TState, Task<T>> call)
    {
        if (!await TryEnterAsync().ConfigureAwait(false))
        {
            return Guarded<T>.Unavailable;
        }

        try
        {
            return Succeeded(await call(Tier!, state).ConfigureAwait(false));
        }
        catch (Exception error) when (IsFailure(error))
        {
            return Failed<T>(error);
        }
    }

    /// <summary>
    /// For a hot path that awaits the call itself (one allocation less per await): the call's task when Redis can
    /// be used at once (configured, the breaker lets calls through, nothing owed), else null, and the caller goes
    /// through <see cref="TryAsync"/>. The caller reports the outcome with <see cref="Succeeded"/> or <see cref="Failed"/>.
    /// </summary>
    public Task<T>? TryStart<TState, T>(TState state, Func<RedisTier, TState, Task<T>> call)
    {
        // Owing is checked first: answering null must not spend the breaker's one probe.
        if (Tier is null || !_owesNothing() || !_breaker.TryEnter())
        {
            return null;
        }

        return call(Tier, state);
    }

    /// <summary>A call answered: the breaker counts a success.</summary>
    public Guarded<T> Succeeded<T>(T value)
    {
        _breaker.Success();
        return new Guarded<T>(true, value);
    }

    /// <summary>A call failed the way Redis fails (<see cref="IsFailure"/>): logged, counted by the breaker.</summary>
    public Guarded<T> Failed<T>(Exception error)
    {
        Failed(error);
        return Guarded<T>.Unavailable;
    }

    /// <summary>True when Redis may be used now: configured, the breaker lets calls through, and nothing is owed to it.</summary>
    private async ValueTask<bool> TryEnterAsync()
    {
        if (Tier is null || !_breaker.TryEnter())
        {
            return false;
        }

        return _owesNothing() || await DeliverOwedAsync().ConfigureAwait(false);
    }

    private async Task<bool> DeliverOwedAsync()
    {
        await _delivering.WaitAsync().ConfigureAwait(false);
        try
        {
            var delivered = _owesNothing() ? 0 : await _deliverOwed!(Tier!).ConfigureAwait(false);
            _breaker.Success();
            if (delivered > 0)
            {
                Log.DeliveredOwedInvalidations(_logger, delivered);
            }

            return true;
        }
        catch (Exception error) when (IsFailure(error))
        {
            Failed(error);
            return false;
        }
        finally
        {
            _delivering.Release();
        }
    }

    private void Failed(Exception error)
    {
        Log.RedisCallFailed(_logger, error);
        _breaker.Failure(error);
    }

    // Without this a server waits out the breaker's open period after Redis is back, and its writes meanwhile
    // reach no other server; with it, the next call (a request, a sweep, the catch-up) probes at once.
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            _breaker.ProbeNow();
        }
    }

    public void Dispose()
    {
        if (Tier is not null)
        {
            Tier.Connection.ConnectionRestored -= OnConnectionRestored;
        }

        _delivering.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Redis is unavailable; serving from L1 and the database until it recovers")]
        public static partial void RedisUnavailable(ILogger logger, Exception error);

        [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Redis is available again; L2 is back in use")]
        public static partial void RedisRecovered(ILogger logger);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Redis call failed")]
        public static partial void RedisCallFailed(ILogger logger, Exception error);

        [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Delivered {Count} invalidations owed to Redis since the outage")]
        public static partial void DeliveredOwedInvalidations(ILogger logger, int count);
    }
}
