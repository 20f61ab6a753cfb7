namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// The time as L1 reads it on every hit: a tick count refreshed every <see cref="Resolution"/> by a timer of
/// the cache's <see cref="TimeProvider"/>, so a hit reads a field instead of the system clock. Lifetimes are
/// shortened by one resolution when they are set, so a copy never outlives what it copied.
/// </summary>
internal sealed class CoarseClock : IDisposable
{
    /// <summary>
    /// How stale a reading may be. Every refresh wakes the timer thread and a thread-pool worker, which then
    /// spins before it sleeps: with refreshes every 10 ms an idle server used 48 ms of CPU a second, with a
    /// quarter of a second 14 ms (scripts/write-cost.sh). That quarter costs a 1-minute copy 0.4 % of its life.
    /// </summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private long _utcTicks;

    public CoarseClock(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _utcTicks = timeProvider.GetUtcNow().UtcTicks;
        _timer = timeProvider.CreateTimer(static state => ((CoarseClock)state!).Refresh(), this, Resolution, Resolution);
    }

    /// <summary>UTC ticks, at most <see cref="Resolution"/> behind the clock.</summary>
    public long UtcTicks => Volatile.Read(ref _utcTicks);

    /// <summary>The exact time, for what is shown to people (the console's TTLs).</summary>
    public DateTimeOffset Now => _timeProvider.GetUtcNow();

    public void Refresh() => Volatile.Write(ref _utcTicks, _timeProvider.GetUtcNow().UtcTicks);

    public void Dispose() => _timer.Dispose();
}
