using EmployeeDirectory.Core.Caching;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// The operator's view of the cache (<c>/admin/cache</c>): policies, statistics and the live key browser,
/// refreshed together every <see cref="RefreshInterval"/> until paused. The timer ends with the page.
/// </summary>
public sealed partial class CacheConsolePage : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _lifetime = new();
    private int _tick;
    private bool _paused;
    private bool _disposed;

    [Inject]
    private FieldCache Cache { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshPeriodicallyAsync(_lifetime.Token);
        }
    }

    private async Task RefreshPeriodicallyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RefreshInterval, Time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!_paused)
                {
                    await InvokeAsync(Refresh);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed.
        }
    }

    private void Refresh()
    {
        if (_disposed)
        {
            return;
        }

        _tick++;
        StateHasChanged();
    }

    private void TogglePause() => _paused = !_paused;

    private void OnPolicyCleared(CachePolicy policy) => _tick++;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lifetime.Cancel();
        _lifetime.Dispose();
    }
}
