using EmployeeDirectory.Core.Employees;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The moment a back-at time passes, on every server: open pages are told that employee changed (their statuses
/// already read as reverted, see <see cref="EmployeeStatus.AsOf"/>), and the stored row is normalised through the
/// presence service (history row, outbox, patch). Every server tries; the conditional update lets one succeed and
/// the others change nothing. The times come from the presence aggregate this server holds, so a new back-at time
/// set anywhere reaches the timer with its patch.
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

    private readonly Dictionary<int, PresenceEnd> _announced = [];
    private readonly HashSet<(int Id, long Version)> _normalised = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.Changed += OnChanged;
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
        }
    }

    /// <summary>Announces and normalises the back-at times that have passed; returns how long to sleep until the next one.</summary>
    internal async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = await reader.PresenceSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var ended = snapshot.EndedBy(now).ToList();
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

        var allNormalised = true;
        foreach (var (id, end) in ended)
        {
            if (_normalised.Add((id, end.Version)))
            {
                allNormalised &= await NormaliseAsync(id, end, cancellationToken).ConfigureAwait(false);
            }
        }

        _normalised.RemoveWhere(attempt => !snapshot.Ends.TryGetValue(attempt.Id, out var end) || end.Version != attempt.Version);
        var next = snapshot.AsOf(now).NextEnd;
        var wait = next is { } at && at - now < Recheck ? at - now : Recheck;
        return allNormalised || wait < AfterFailure ? wait : AfterFailure;
    }

    /// <summary>False when the row could not be written now; the next round (soon) tries again.</summary>
    private async Task<bool> NormaliseAsync(int id, PresenceEnd end, CancellationToken cancellationToken)
    {
        try
        {
            await presence.ExpireAsync(id, end.Version, cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // One row that cannot be written now must not stop the others; it is tried again on the next round.
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _normalised.Remove((id, end.Version));
            Log.NormaliseFailed(logger, error, id);
            return false;
        }
    }

    private void OnChanged(object? sender, DirectoryChangedEventArgs change)
    {
        if (change.Everything || change.Statuses.Count > 0)
        {
            Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "The back-at timer could not read the presence aggregate; trying again shortly")]
        public static partial void Failed(ILogger logger, Exception error);

        [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Reverting employee {EmployeeId}'s ended status failed; trying again on the next round")]
        public static partial void NormaliseFailed(ILogger logger, Exception error, int employeeId);
    }
}
