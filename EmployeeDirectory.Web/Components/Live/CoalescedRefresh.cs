namespace EmployeeDirectory.Web.Components.Live;

/// <summary>
/// Runs a view's refresh once per burst of requests: the first request starts an interval, every request during it
/// joins, and the refresh runs when it ends, so runs are at least an interval apart and a burst of changes costs one.
/// Holds no timer while nothing is asked. Not thread-safe: a Blazor component calls it on its renderer's thread,
/// where the delay's continuation also resumes.
/// </summary>
internal sealed class CoalescedRefresh(TimeProvider time, TimeSpan interval, Func<Task> refresh)
{
    /// <summary>True while a refresh is asked for and has not started yet.</summary>
    public bool IsPending { get; private set; }

    /// <summary>Asks for a refresh; the task ends once the refresh that serves this request has run (or the view went away).</summary>
    public Task RequestAsync(CancellationToken lifetime)
    {
        if (IsPending)
        {
            return Task.CompletedTask;
        }

        IsPending = true;
        return RunAsync(lifetime);
    }

    private async Task RunAsync(CancellationToken lifetime)
    {
        await Task.Delay(interval, time, lifetime);

        // Requests from here on are for changes the refresh below may not see: they ask for the next one.
        IsPending = false;
        await refresh();
    }
}
