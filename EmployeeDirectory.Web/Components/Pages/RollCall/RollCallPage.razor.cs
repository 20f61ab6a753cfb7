using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;
using EmployeeDirectory.Web.Components.Live;
using EmployeeDirectory.Web.Components.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EmployeeDirectory.Web.Components.Pages.RollCall;

/// <summary>
/// The roll call for a head count: In and Out per department or per location with totals, from the cached roll
/// call; a group opens to the names. It follows every status change and a back-at time passing, reading the roll call
/// again at most once per refresh interval, so a busy morning does not re-render it for every badge swipe.
/// </summary>
public sealed partial class RollCallPage
{
    private static readonly (string Title, PresenceStatus Presence)[] Lists = [("In", PresenceStatus.In), ("Out", PresenceStatus.Out)];

    private readonly HashSet<string> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<RollCallPerson>> _people = new(StringComparer.OrdinalIgnoreCase);
    private RollCallSummary? _summary;
    private RollCallGrouping _grouping = RollCallGrouping.Department;

    [Inject]
    private IRollCallService RollCall { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private ViewerTime? CascadedViewer { get; set; }

    private ViewerTime Viewer => CascadedViewer ?? ViewerTime.Utc;

    protected override async Task OnInitializedAsync()
    {
        _summary = await RollCall.GetRollCallAsync(Lifetime);
        Follow(new LiveInterest(AllStatuses: true), []);
    }

    protected override Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change)
    {
        if (change.Everything || change.Statuses.Count > 0)
        {
            RequestRefresh();
        }

        return Task.CompletedTask;
    }

    protected override async Task RefreshAsync()
    {
        _summary = await RollCall.GetRollCallAsync(Lifetime);
        foreach (var name in _open)
        {
            _people[name] = await RollCall.GetPeopleAsync(_grouping, name, Lifetime);
        }
    }

    private IReadOnlyList<RollCallGroup> Groups(RollCallSummary summary) =>
        _grouping == RollCallGrouping.Department ? summary.Departments : summary.Locations;

    private void OnGroupingChanged(RollCallGrouping grouping)
    {
        _grouping = grouping;
        _open.Clear();
        _people.Clear();
    }

    private async Task ToggleAsync(string name)
    {
        if (!_open.Add(name))
        {
            _open.Remove(name);
            return;
        }

        _people[name] = await RollCall.GetPeopleAsync(_grouping, name, Lifetime);
    }

    private async Task PrintAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("print");
        }
        catch (JSDisconnectedException)
        {
            // The page went away.
        }
    }
}
