using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Web.Components;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// The operator's view of the cache (<c>/admin/cache</c>): policies, statistics and the live key browser,
/// refreshed together every <see cref="RefreshInterval"/> until paused; while paused, the header says for how
/// long. The timer ends with the page.
/// </summary>
public sealed partial class CacheConsolePage : LifetimeComponent
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private int _tick;
    private DateTimeOffset? _pausedAt;

    [Inject]
    private ICacheOperator Cache { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshPeriodicallyAsync(Lifetime);
        }
    }

    private async Task RefreshPeriodicallyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RefreshInterval, Time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(Refresh);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed.
        }
    }

    private void Refresh()
    {
        if (IsDisposed)
        {
            return;
        }

        // Paused, only the header's "paused for" moves: the children re-list when the tick changes.
        if (_pausedAt is null)
        {
            _tick++;
        }

        StateHasChanged();
    }

    private string RefreshState
    {
        get
        {
            if (_pausedAt is not { } pausedAt)
            {
                return $"Refreshing every {CacheFormat.Duration(RefreshInterval)}";
            }

            var seconds = Math.Floor((Time.GetUtcNow() - pausedAt).TotalSeconds);
            return seconds < 1 ? "Auto-refresh paused" : $"Auto-refresh paused for {CacheFormat.Duration(TimeSpan.FromSeconds(seconds))}";
        }
    }

    private void TogglePause() => _pausedAt = _pausedAt is null ? Time.GetUtcNow() : null;

    private void OnPolicyCleared(CachePolicy policy) => _tick++;

    private void OnReset() => _tick++;
}
