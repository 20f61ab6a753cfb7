using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Components.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>
/// One click sets an employee's presence to <see cref="Target"/> with <see cref="Note"/>; the outcome is told
/// in a snackbar and the new status reported through <see cref="Changed"/>.
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

    /// <summary>The note set with the status; blank for none.</summary>
    [Parameter]
    public string? Note { get; set; }

    /// <summary>Visible label; defaults to "Set in" / "Set out".</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The button's MudBlazor variant.</summary>
    [Parameter]
    public Variant Variant { get; set; } = Variant.Text;

    /// <summary>The button's size.</summary>
    [Parameter]
    public Size Size { get; set; } = Size.Small;

    /// <summary>Raised with the stored status after a change.</summary>
    [Parameter]
    public EventCallback<EmployeeStatus> Changed { get; set; }

    /// <summary>The signed-in user; without one nothing can be changed.</summary>
    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

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
            // Pages show this button only where the user may use it; the check is repeated here so a
            // button rendered anywhere else still cannot change someone else's status.
            if (!await MayChangeAsync())
            {
                Snackbar.Add($"You can change only your own status, not {EmployeeName}'s.", Severity.Warning);
                return;
            }

            var changedBy = await Actor.GetNameAsync(Lifetime);
            var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
            var result = await Presence.SetPresenceAsync(EmployeeId, new PresenceUpdate(Target, note), changedBy, Lifetime);
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
                Snackbar.Add($"{EmployeeName} is now {(status.Presence == PresenceStatus.In ? "in" : "out")}", Severity.Success);
                await Changed.InvokeAsync(status);
                break;
            case ServiceOutcome.NotFound:
                Snackbar.Add($"{EmployeeName} is no longer in the directory", Severity.Warning);
                break;
            default:
                var reason = result.Errors.Values.SelectMany(messages => messages).FirstOrDefault() ?? "The change was refused";
                Snackbar.Add(reason, Severity.Error);
                break;
        }
    }

    private async Task<bool> MayChangeAsync()
    {
        if (Authentication is null)
        {
            return false;
        }

        var user = (await Authentication).User;
        return (await Authorization.AuthorizeAsync(user, EmployeeId, DirectoryPolicies.SetPresence)).Succeeded;
    }
}
