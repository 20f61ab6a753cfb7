using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Identity;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>
/// Sets an employee's presence for the circuit's user and tells them the outcome in a snackbar: the one place the
/// UI's status buttons (a directory row's, the employee page's) go through. The presence service decides who may.
/// </summary>
public sealed class PresenceChanger(IPresenceService presence, ICurrentActor actor, ISnackbar snackbar)
{
    /// <summary>
    /// Sets <paramref name="update"/> on <paramref name="employeeId"/>'s status. Returns the stored status after a
    /// change or a conflict (the status someone else set), null when nothing changed; invalid input is reported
    /// through <paramref name="refused"/> with its field errors.
    /// </summary>
    public async Task<EmployeeStatus?> SetAsync(
        int employeeId,
        string employeeName,
        PresenceUpdate update,
        Func<IReadOnlyDictionary<string, string[]>, Task>? refused = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var who = await actor.GetActorAsync(cancellationToken);
        var result = await presence.SetPresenceAsync(employeeId, update, who, cancellationToken);
        switch (result.Outcome)
        {
            case ServiceOutcome.Ok when result.Value is { } status:
                snackbar.Add($"{employeeName} is now {StatusText(status)}", Severity.Success);
                return status;
            case ServiceOutcome.Conflict when result.Value is { } current:
                snackbar.Add($"Someone else changed {employeeName}'s status first: they are {StatusText(current)}. Nothing was changed.", Severity.Warning);
                return current;
            case ServiceOutcome.Forbidden:
                snackbar.Add($"You can change only your own status, not {employeeName}'s.", Severity.Warning);
                return null;
            case ServiceOutcome.NotFound:
                snackbar.Add($"{employeeName} is no longer in the directory", Severity.Warning);
                return null;
            case ServiceOutcome.Throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling((result.RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds));
                snackbar.Add($"{employeeName}'s status has been changed too often in the last minute. Nothing was changed: try again in {seconds} s.", Severity.Warning);
                return null;
            case ServiceOutcome.Unavailable:
                snackbar.Add($"The directory's database can't be reached right now, so {employeeName}'s status was not changed. Try again in a moment.", Severity.Error);
                return null;
            default:
                snackbar.Add(result.Errors.Values.SelectMany(messages => messages).FirstOrDefault() ?? "The change was refused", Severity.Error);
                if (refused is not null)
                {
                    await refused(result.Errors);
                }

                return null;
        }
    }

    private static string StatusText(EmployeeStatus status) => status.Presence == PresenceStatus.In ? "in" : "out";
}
