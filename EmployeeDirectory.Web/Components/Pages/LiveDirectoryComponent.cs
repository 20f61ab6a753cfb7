using EmployeeDirectory.Core.Employees;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components.Pages;

/// <summary>
/// Base for pages that show directory data: owns a cancellation token that ends with the component
/// and forwards <see cref="IDirectoryChangeFeed.Changed"/> onto the renderer's thread, unsubscribing
/// on dispose so a closed page is never refreshed.
/// </summary>
public abstract partial class LiveDirectoryComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationToken _lifetimeToken;
    private bool _subscribed;
    private bool _disposed;

    protected LiveDirectoryComponent() => _lifetimeToken = _lifetime.Token;

    [Inject]
    private IDirectoryChangeFeed ChangeFeed { get; set; } = default!;

    [Inject]
    private ILogger<LiveDirectoryComponent> Logger { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Cancelled when the component is disposed (page closed or navigated away).</summary>
    protected CancellationToken ComponentToken => _lifetimeToken;

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

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        if (_subscribed)
        {
            ChangeFeed.Changed -= OnDirectoryChanged;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    /// <summary>Re-renders once a minute so "5 min ago" texts do not go stale on a page left open.</summary>
    private async Task KeepSinceTimesCurrentAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), Time);
            while (await timer.WaitForNextTickAsync(_lifetimeToken))
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
        if (_disposed)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                await OnDirectoryChangedAsync(change);
                StateHasChanged();
            }
            catch (OperationCanceledException) when (_disposed)
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
