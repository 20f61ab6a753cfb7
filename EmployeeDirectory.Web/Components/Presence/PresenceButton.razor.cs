using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Identity;
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
    private IPresenceService Presence { get; set; } = default!;

    [Inject]
    private ICurrentActor Actor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string Text => Label ?? (Target == PresenceStatus.In ? "Set in" : "Set out");

    private async Task SetAsync()
    {
        _busy = true;
        try
        {
            // Pages show this button only where the user may use it; the presence service checks again,
            // so a button rendered anywhere else still cannot change someone else's status.
            var actor = await Actor.GetActorAsync(Lifetime);
            var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
            var result = await Presence.SetPresenceAsync(EmployeeId, new PresenceUpdate(Target, note, ExpectedStamp, Until, PresenceSource.Ui), actor, Lifetime);
            await ReportAsync(result);
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

    private async Task ReportAsync(ServiceResult<EmployeeStatus> result)
    {
        switch (result.Outcome)
        {
            case ServiceOutcome.Ok when result.Value is { } status:
                Snackbar.Add($"{EmployeeName} is now {StatusText(status)}", Severity.Success);
                await Changed.InvokeAsync(status);
                break;
            case ServiceOutcome.Conflict when result.Value is { } current:
                Snackbar.Add($"Someone else changed {EmployeeName}'s status first: they are {StatusText(current)}. Nothing was changed.", Severity.Warning);
                await Changed.InvokeAsync(current);
                break;
            case ServiceOutcome.Forbidden:
                Snackbar.Add($"You can change only your own status, not {EmployeeName}'s.", Severity.Warning);
                break;
            case ServiceOutcome.NotFound:
                Snackbar.Add($"{EmployeeName} is no longer in the directory", Severity.Warning);
                break;
            case ServiceOutcome.Throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling((result.RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds));
                Snackbar.Add($"{EmployeeName}'s status has been changed too often in the last minute. Nothing was changed: try again in {seconds} s.", Severity.Warning);
                break;
            case ServiceOutcome.Unavailable:
                Snackbar.Add($"The directory's database can't be reached right now, so {EmployeeName}'s status was not changed. Try again in a moment.", Severity.Error);
                break;
            default:
                var reason = result.Errors.Values.SelectMany(messages => messages).FirstOrDefault() ?? "The change was refused";
                Snackbar.Add(reason, Severity.Error);
                await Refused.InvokeAsync(result.Errors);
                break;
        }
    }

    private static string StatusText(EmployeeStatus status) => status.Presence == PresenceStatus.In ? "in" : "out";
}
