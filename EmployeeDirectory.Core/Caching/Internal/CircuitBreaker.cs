namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Stops every request from paying a Redis timeout during an outage. Closed: calls go through and
/// consecutive failures are counted. Open: calls are refused until the open period ends. Then one call
/// is let through as a probe; its success closes the breaker, its failure opens it again.
/// </summary>
internal sealed class CircuitBreaker(int failureThreshold, TimeSpan openDuration, TimeProvider timeProvider)
{
    private const int Closed = 0;
    private const int Open = 1;
    private const int Probing = 2;
    private readonly object _gate = new();
    private int _state;
    private int _failures;
    private DateTimeOffset _retryAt;
    private DateTimeOffset _restoredAt = DateTimeOffset.MinValue;

    /// <summary>Raised once when the breaker opens after being closed (the start of an outage).</summary>
    public event Action<Exception>? Opened;

    /// <summary>Raised once when a probe succeeds after an outage.</summary>
    public event Action? Recovered;

    public bool IsOpen => Volatile.Read(ref _state) != Closed;

    /// <summary>True when a call may go to Redis now (closed, or this caller is the probe).</summary>
    public bool TryEnter()
    {
        if (Volatile.Read(ref _state) == Closed)
        {
            return true;
        }

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            // A probe that never reported back must not wedge the breaker: allow another after a period.
            if ((_state == Open && now >= _retryAt) || (_state == Probing && now >= _retryAt + openDuration))
            {
                _state = Probing;
                _retryAt = now;
                return true;
            }

            return _state == Closed;
        }
    }

    /// <summary>
    /// The connection is back (the client library says so): the next call probes now instead of waiting out the
    /// open period, and a probe already under way that fails (it was sent before the connection came back) does
    /// not keep the breaker open for another period.
    /// </summary>
    public void ProbeNow()
    {
        lock (_gate)
        {
            _restoredAt = timeProvider.GetUtcNow();
            if (_state == Open)
            {
                _retryAt = _restoredAt;
            }
        }
    }

    public void Success()
    {
        if (Volatile.Read(ref _state) == Closed && Volatile.Read(ref _failures) == 0)
        {
            return;
        }

        bool recovered;
        lock (_gate)
        {
            recovered = _state != Closed;
            _state = Closed;
            _failures = 0;
        }

        if (recovered)
        {
            Recovered?.Invoke();
        }
    }

    public void Failure(Exception error)
    {
        bool opened;
        lock (_gate)
        {
            opened = false;
            if (_state == Probing)
            {
                // While probing, _retryAt is when the probe started.
                var now = timeProvider.GetUtcNow();
                _state = Open;
                _retryAt = _retryAt < _restoredAt ? now : now + openDuration;
            }
            else if (_state == Closed && ++_failures >= failureThreshold)
            {
                _state = Open;
                _retryAt = timeProvider.GetUtcNow() + openDuration;
                opened = true;
            }
        }

        if (opened)
        {
            Opened?.Invoke(error);
        }
    }
}
