namespace EmployeeDirectory.Web.RateLimiting;

/// <summary>
/// Lets one log line through per <c>interval</c> and counts the ones it held back, so a flood of refusals (anyone
/// can make one) shows in the log as a line now and then with how many were left out, never as the flood itself.
/// </summary>
internal sealed class LogSampler(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private long _lastLogged = long.MinValue;
    private long _suppressed;

    /// <summary>True when this occurrence should be logged; <paramref name="suppressed"/> is how many were held back since the last.</summary>
    public bool ShouldLog(out long suppressed)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < interval)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }

            _lastLogged = now;
            suppressed = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}
