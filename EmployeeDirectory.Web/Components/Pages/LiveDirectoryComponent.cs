using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Components.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Components.Pages;

/// <summary>
/// Base for pages that show directory data live. The page tells this server's <see cref="LiveDirectory"/> what it
/// shows (<see cref="Follow"/>), gets only the changes that concern it, on its renderer's thread, and either patches
/// what it shows in place or asks for its query to run again (<see cref="RequestRefresh"/>, coalesced: one run per
/// burst, at the end of <see cref="LiveDirectoryOptions.LiveRefreshInterval"/>). An idle page holds no timer and runs
/// nothing.
/// </summary>
public abstract partial class LiveDirectoryComponent : LifetimeComponent, ILiveView
{
    private LiveRegistration? _registration;
    private CoalescedRefresh? _refresh;

    [Inject]
    private LiveDirectory Live { get; set; } = default!;

    [Inject]
    private IOptions<LiveDirectoryOptions> LiveOptions { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<LiveDirectoryComponent> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        // A prerender ends before any change could reach it; only a circuit's page follows changes.
        if (RendererInfo.IsInteractive)
        {
            _registration = Live.Register(this);
            _refresh = new CoalescedRefresh(Clock, LiveOptions.Value.LiveRefreshInterval, RunRefreshAsync);
        }
    }

    void ILiveView.Deliver(DirectoryChangedEventArgs change)
    {
        if (!IsDisposed)
        {
            _ = InvokeAsync(() => HandleAsync(change));
        }
    }

    /// <summary>Says what the page shows now: changes of these employees, and those <paramref name="interest"/> asks for, reach it from here on.</summary>
    protected void Follow(LiveInterest interest, IReadOnlyCollection<int> shown) => _registration?.Update(interest, shown);

    /// <summary>
    /// Runs on the renderer's thread for each change that concerns this page. Patch what it shows in place (a row
    /// component renders itself), or call <see cref="RequestRefresh"/>; the page itself renders only after a refresh.
    /// </summary>
    protected abstract Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change);

    /// <summary>Reads what the page shows again (its query); the page renders after it.</summary>
    protected abstract Task RefreshAsync();

    /// <summary>True while a refresh was asked for and has not started yet.</summary>
    internal bool IsRefreshPending => _refresh?.IsPending == true;

    /// <summary>Asks for <see cref="RefreshAsync"/>: once at the end of the refresh interval, however many changes ask meanwhile.</summary>
    protected void RequestRefresh()
    {
        if (_refresh is { } refresh)
        {
            _ = Guarded(refresh.RequestAsync(Lifetime), "refresh");
        }
    }

    protected override ValueTask OnDisposeAsync()
    {
        _registration?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task HandleAsync(DirectoryChangedEventArgs change) =>
        IsDisposed ? Task.CompletedTask : Guarded(OnDirectoryChangedAsync(change), "change");

    private async Task RunRefreshAsync()
    {
        if (IsDisposed)
        {
            return;
        }

        await RefreshAsync();
        StateHasChanged();
    }

    private async Task Guarded(Task work, string what)
    {
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (IsDisposed)
        {
            // The page closed meanwhile.
        }
#pragma warning disable CA1031 // A failed live update must not tear down the user's circuit; the next change or a reload retries.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.LiveUpdateFailed(Logger, exception, GetType().Name, what);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Live {What} of {Component} failed")]
        public static partial void LiveUpdateFailed(ILogger logger, Exception exception, string component, string what);
    }
}
