namespace EmployeeDirectory.Web.Components.Live;

/// <summary>
/// Runs a view's refresh at most once per interval however often it is asked for: the first request runs it at once
/// (or when the interval since the last run ends), and every request until then joins that run. Holds no timer
/// while nothing is asked. Not thread-safe: a Blazor component calls it on its renderer's thread, where the delay's
/// continuation also resumes.
/// </summary>
internal sealed class CoalescedRefresh(TimeProvider time, TimeSpan interval, Func<Task> refresh)
{
    private long _lastRun = long.MinValue;
    private bool _pending;

    /// <summary>True while a refresh is asked for and has not started yet.</summary>
    public bool IsPending => _pending;

    /// <summary>Asks for a refresh; the task ends once the refresh that serves this request has run (or the view went away).</summary>
    public Task RequestAsync(CancellationToken lifetime)
    {
        if (_pending)
        {
            return Task.CompletedTask;
        }

        _pending = true;
        var wait = _lastRun == long.MinValue ? TimeSpan.Zero : interval - time.GetElapsedTime(_lastRun);
        return RunAsync(wait, lifetime);
    }

    private async Task RunAsync(TimeSpan wait, CancellationToken lifetime)
    {
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, lifetime);
        }

        // Requests from here on are for changes the refresh below may not see: they ask for the next one.
        _pending = false;
        _lastRun = time.GetTimestamp();
        await refresh();
    }
}
