using EmployeeDirectory.Core.Caching.Operations;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// "Reset cache", behind a confirmation: every server moves to a new cache generation, so nothing cached
/// before is read again (after a database restore, or when in doubt).
/// </summary>
public sealed partial class CacheResetButton
{
    private bool _resetting;

    [Inject]
    private ICacheOperator Cache { get; set; } = default!;

    [Inject]
    private CacheConsoleActions Actions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Raised after the reset, so the console can list keys again.</summary>
    [Parameter]
    public EventCallback OnReset { get; set; }

    private async Task ResetAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Reset the cache?",
            "Every server moves to a new cache generation: nothing cached so far is read again, and the next reads load from the database. Use it after restoring the database, or whenever cached data is in doubt.",
            yesText: "Reset",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _resetting = true;
        try
        {
            var reset = await Actions.ResetAsync(Lifetime);
            if (!reset.Succeeded)
            {
                Snackbar.Add(reset.Problem, Severity.Error);
                return;
            }

            Snackbar.Add($"Cache reset: every server now uses generation {reset.Value}.", Severity.Success);
            await OnReset.InvokeAsync();
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The console closed while resetting; the reset itself finishes regardless.
        }
        finally
        {
            _resetting = false;
        }
    }
}
