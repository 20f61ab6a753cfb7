using EmployeeDirectory.Core.Presence;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>
/// One click sets an employee's presence to <see cref="Target"/> with <see cref="Note"/>, replacing the status
/// the page shows (<see cref="ExpectedStamp"/>); the outcome is told in a snackbar and the stored status
/// reported through <see cref="Changed"/>, also when someone else had changed it first.
/// </summary>
public sealed partial class PresenceButton
{
    private bool _busy;

    /// <summary>Whose status the button sets.</summary>
    [Parameter, EditorRequired]
    public int EmployeeId { get; set; }

    /// <summary>Shown in the accessible name and confirmation, as text (never markup).</summary>
    [Parameter, EditorRequired]
    public string EmployeeName { get; set; } = "";

    /// <summary>The status a click sets.</summary>
    [Parameter, EditorRequired]
    public PresenceStatus Target { get; set; }

    /// <summary>
    /// The stamp of the status the page shows: a click replaces that status only, so a page that has not yet
    /// seen someone else's change cannot silently undo it.
    /// </summary>
    [Parameter, EditorRequired]
    public long ExpectedStamp { get; set; }

    /// <summary>The note set with the status; blank for none.</summary>
    [Parameter]
    public string? Note { get; set; }

    /// <summary>When the status set ends by itself and reverts; null for one that lasts until changed.</summary>
    [Parameter]
    public DateTimeOffset? Until { get; set; }

    /// <summary>Raised with the field errors when the change is refused as invalid (so a form can show them by their fields).</summary>
    [Parameter]
    public EventCallback<IReadOnlyDictionary<string, string[]>> Refused { get; set; }

    /// <summary>Visible label; defaults to "Set in" / "Set out".</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The button's MudBlazor variant.</summary>
    [Parameter]
    public Variant Variant { get; set; } = Variant.Text;

    /// <summary>The button's size.</summary>
    [Parameter]
    public Size Size { get; set; } = Size.Small;

    /// <summary>Raised with the stored status after a change, or after a conflict (the status someone else set).</summary>
    [Parameter]
    public EventCallback<EmployeeStatus> Changed { get; set; }

    [Inject]
    private PresenceChanger Changer { get; set; } = default!;

    private string Text => Label ?? (Target == PresenceStatus.In ? "Set in" : "Set out");

    private async Task SetAsync()
    {
        _busy = true;
        try
        {
            // Pages show this button only where the user may use it; the presence service checks again,
            // so a button rendered anywhere else still cannot change someone else's status.
            var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
            var stored = await Changer.SetAsync(
                EmployeeId, EmployeeName, new PresenceUpdate(Target, note, ExpectedStamp, Until, PresenceSource.Ui), errors => Refused.InvokeAsync(errors), Lifetime);
            if (stored is not null)
            {
                await Changed.InvokeAsync(stored);
            }
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The row or page went away mid-click.
        }
        finally
        {
            _busy = false;
        }
    }
}
