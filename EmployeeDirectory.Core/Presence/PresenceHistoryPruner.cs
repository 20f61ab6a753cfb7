using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// Deletes status history older than <see cref="PresenceHistoryOptions.RetentionDays"/>: at start-up and every
/// <see cref="Interval"/>. Every server may run it; deleting what another server already deleted changes nothing.
/// </summary>
internal sealed partial class PresenceHistoryPruner(
    IDbContextFactory<DirectoryDbContext> contexts,
    IOptions<PresenceHistoryOptions> options,
    TimeProvider timeProvider,
    ILogger<PresenceHistoryPruner> logger) : BackgroundService
{
    /// <summary>How often the history is pruned.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Deletes the changes older than the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.PresenceHistory.Where(c => c.At < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            Log.Pruned(logger, deleted, options.Value.RetentionDays);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await PruneAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed prune (database busy) is tried again on the next tick; it must not stop the host.
            catch (Exception error)
#pragma warning restore CA1031
            {
                Log.PruneFailed(logger, error);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Deleted {Count} status history rows older than {RetentionDays} days")]
        public static partial void Pruned(ILogger logger, int count, int retentionDays);

        [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "Pruning the status history failed; trying again later")]
        public static partial void PruneFailed(ILogger logger, Exception error);
    }
}
