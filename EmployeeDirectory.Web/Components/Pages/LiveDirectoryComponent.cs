using EmployeeDirectory.Core.Employees;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components.Pages;

/// <summary>
/// Base for pages that show directory data: forwards <see cref="IDirectoryChangeFeed.Changed"/> onto the
/// renderer's thread, and unsubscribes on dispose so a closed page is never refreshed.
/// </summary>
public abstract partial class LiveDirectoryComponent : LifetimeComponent
{
    private bool _subscribed;

    [Inject]
    private IDirectoryChangeFeed ChangeFeed { get; set; } = default!;

    [Inject]
    private ILogger<LiveDirectoryComponent> Logger { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnInitialized()
    {
        ChangeFeed.Changed += OnDirectoryChanged;
        _subscribed = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = KeepSinceTimesCurrentAsync();
        }
    }

    /// <summary>Runs on the renderer's thread for every invalidation, from this server or another; a render follows.</summary>
    protected abstract Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change);

    protected override ValueTask OnDisposeAsync()
    {
        if (_subscribed)
        {
            ChangeFeed.Changed -= OnDirectoryChanged;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Re-renders once a minute so "5 min ago" texts do not go stale on a page left open.</summary>
    private async Task KeepSinceTimesCurrentAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), Time);
            while (await timer.WaitForNextTickAsync(Lifetime))
            {
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void OnDirectoryChanged(object? sender, DirectoryChangedEventArgs change)
    {
        if (IsDisposed)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            if (IsDisposed)
            {
                return;
            }

            try
            {
                await OnDirectoryChangedAsync(change);
                StateHasChanged();
            }
            catch (OperationCanceledException) when (IsDisposed)
            {
                // The page closed while refreshing.
            }
#pragma warning disable CA1031 // A failed background refresh must not tear down the user's circuit; the next change or a reload retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.RefreshFailed(Logger, exception, GetType().Name, change.Kind);
            }
        });
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Live refresh of {Component} after a {Kind} change failed")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, string component, DirectoryChangeKind kind);
    }
}
