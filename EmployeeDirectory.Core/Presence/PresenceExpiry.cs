using System.Threading.Channels;
using EmployeeDirectory.Core.Employees;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The moment a back-at time passes, on every server: open pages are told that employee changed (their statuses
/// already read as reverted, see <see cref="EmployeeStatus.AsOf"/>), and the stored row is normalised through the
/// presence service (history row, outbox, patch). Every server tries; the conditional update lets one succeed and
/// the others change nothing. The times come from the presence aggregate this server holds and from the status
/// changes it hears: a new or moved back-at time wakes the timer at once, and is kept until the aggregate holds it
/// too, so a copy of the aggregate still being reloaded (behind a missed patch) cannot make the timer late.
/// </summary>
internal sealed partial class PresenceExpiry(
    DirectoryReader reader,
    PresenceService presence,
    DirectoryChangeFeed feed,
    TimeProvider timeProvider,
    ILogger<PresenceExpiry> logger) : BackgroundService
{
    /// <summary>The longest the timer sleeps without looking again (the aggregate may have been reloaded meanwhile).</summary>
    internal static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    // Rows are normalised beside the timer, a few at a time, so that a slow write never makes the next end late.
    private const int Normalisers = 2;

    private readonly Dictionary<int, PresenceEnd> _announced = [];
    private readonly HashSet<(int Id, long Version)> _normalised = [];
    private readonly Lock _normalisedGate = new();
    private readonly Channel<KeyValuePair<int, PresenceEnd>> _toNormalise = Channel.CreateUnbounded<KeyValuePair<int, PresenceEnd>>();
    private readonly Lock _heardGate = new();

    // Back-at times heard in changes, by employee: the newest status with an end, until the aggregate holds it.
    private readonly Dictionary<int, PresenceEnd> _heard = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.Changed += OnChanged;
        var normalisers = Enumerable.Range(0, Normalisers).Select(_ => NormaliseEndedAsync(stoppingToken)).ToArray();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wake = Volatile.Read(ref _wake).Task;
                TimeSpan wait;
                try
                {
                    wait = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (DirectoryNotReadyException)
                {
                    wait = AfterFailure;
                }
#pragma warning disable CA1031 // The timer must outlive a failed read (database busy, Redis trouble): it tries again shortly.
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    Log.Failed(logger, error);
                    wait = AfterFailure;
                }

                await Task.WhenAny(wake, Task.Delay(wait, timeProvider, stoppingToken)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            feed.Changed -= OnChanged;
            _toNormalise.Writer.TryComplete();
            await Task.WhenAll(normalisers).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Announces the back-at times that have passed and hands their rows to the normalisers; returns how long to sleep
    /// until the next one.
    /// </summary>
    internal async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = await reader.PresenceSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var (heardEnded, heardNext) = TakeHeard(snapshot, now);
        var ended = snapshot.EndedBy(now).Concat(heardEnded).ToList();
        var fresh = ended.Where(pair => !_announced.TryGetValue(pair.Key, out var seen) || seen != pair.Value).Select(pair => pair.Key).ToList();
        _announced.Clear();
        foreach (var (id, end) in ended)
        {
            _announced[id] = end;
        }

        if (fresh.Count > 0)
        {
            // Read once here (as reverted: see EmployeeStatus.AsOf), so that no open page has to read them.
            var statuses = await reader.StatusesAsync(fresh, cancellationToken).ConfigureAwait(false);
            feed.Raise([.. fresh.Select(id => new StatusChange(id, statuses.GetValueOrDefault(id)))]);
        }

        lock (_normalisedGate)
        {
            foreach (var ending in ended)
            {
                if (_normalised.Add((ending.Key, ending.Value.Version)))
                {
                    _toNormalise.Writer.TryWrite(ending);
                }
            }

            _normalised.RemoveWhere(attempt => !ended.Exists(end => end.Key == attempt.Id && end.Value.Version == attempt.Version)
                && (!snapshot.Ends.TryGetValue(attempt.Id, out var end) || end.Version != attempt.Version));
        }

        // From the clock as it is now: the work above took time, and the next end must not be late by it.
        var next = Earliest(snapshot.AsOf(now).NextEnd, heardNext);
        var later = timeProvider.GetUtcNow();
        return next is { } at && at - later < Recheck ? (at > later ? at - later : TimeSpan.Zero) : Recheck;
    }

    /// <summary>Normalises the rows handed over by the timer; a row that could not be written now is tried again shortly.</summary>
    private async Task NormaliseEndedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (id, end) in _toNormalise.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!await NormaliseAsync(id, end, stoppingToken).ConfigureAwait(false))
                {
                    lock (_normalisedGate)
                    {
                        _normalised.Remove((id, end.Version));
                    }

                    _ = WakeAfterAsync(AfterFailure, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WakeAfterAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            Wake();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Wake() =>
        Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// The heard back-at times the snapshot does not hold yet: those ended by <paramref name="now"/>, and the next one
    /// to come. A heard time the snapshot holds (or has moved past) is forgotten; an ended one is handed out once.
    /// </summary>
    private (List<KeyValuePair<int, PresenceEnd>> Ended, DateTimeOffset? Next) TakeHeard(PresenceRoster snapshot, DateTimeOffset now)
    {
        var ended = new List<KeyValuePair<int, PresenceEnd>>();
        DateTimeOffset? next = null;
        lock (_heardGate)
        {
            foreach (var (id, end) in _heard.ToList())
            {
                if (snapshot.Ends.TryGetValue(id, out var held) && held.Version >= end.Version)
                {
                    _heard.Remove(id);
                }
                else if (end.Until <= now)
                {
                    ended.Add(new(id, end));
                    _heard.Remove(id);
                }
                else
                {
                    next = Earliest(next, end.Until);
                }
            }
        }

        return (ended, next);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>False when the row could not be written now; it is tried again shortly.</summary>
    private async Task<bool> NormaliseAsync(int id, PresenceEnd end, CancellationToken cancellationToken)
    {
        try
        {
            await presence.ExpireAsync(id, end.Version, cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // One row that cannot be written now must not stop the others; it is tried again shortly.
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.NormaliseFailed(logger, error, id);
            return false;
        }
    }

    private void OnChanged(object? sender, DirectoryChangedEventArgs change)
    {
        if (!change.Everything && change.Statuses.Count == 0)
        {
            return;
        }

        lock (_heardGate)
        {
            foreach (var status in change.Statuses)
            {
                if (status.Status is { Until: { } until } ending
                    && (!_heard.TryGetValue(status.EmployeeId, out var known) || known.Version < ending.Stamp))
                {
                    _heard[status.EmployeeId] = new PresenceEnd(until, ending.Stamp);
                }
                else if (status.Status is { Until: null } lasting && _heard.TryGetValue(status.EmployeeId, out var replaced) && replaced.Version < lasting.Stamp)
                {
                    _heard.Remove(status.EmployeeId);
                }
            }
        }

        Wake();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "The back-at timer could not read the presence aggregate; trying again shortly")]
        public static partial void Failed(ILogger logger, Exception error);

        [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Reverting employee {EmployeeId}'s ended status failed; trying again on the next round")]
        public static partial void NormaliseFailed(ILogger logger, Exception error, int employeeId);
    }
}
