using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Identity;
using EmployeeDirectory.Web.Components.Live;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components.Pages.Employees;

/// <summary>One employee: profile, status and the edit form, refreshed live when anyone changes them.</summary>
public sealed partial class EmployeePage
{
    private readonly Dictionary<string, object?> _downloadAttributes = new() { ["download"] = "" };
    private EmployeeDetails? _details;
    private IReadOnlyList<DepartmentSummary> _departments = [];
    private int? _loadedId;
    private bool _loading = true;
    private bool _departmentsStale;
    private DirectoryActor? _viewer;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private IDirectoryService Directory { get; set; } = default!;

    [Inject]
    private StatusPrivacy Privacy { get; set; } = default!;

    [Inject]
    private ICurrentActor Actor { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
        {
            return;
        }

        _loading = true;
        _details = await VisibleAsync(await Directory.GetEmployeeAsync(Id, Lifetime));
        if (_details is not null && _departments.Count == 0)
        {
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }

        _loadedId = Id;
        _loading = false;
        Follow(LiveInterest.ShownOnly, [Id]);
    }

    protected override Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change)
    {
        if (_loading)
        {
            return Task.CompletedTask;
        }

        if (change.Everything || change.DepartmentsChanged || change.Profiles.Any(profile => profile.EmployeeId == Id))
        {
            // A profile has more fields than a change carries (phone, names as entered): read it again.
            _departmentsStale |= change.Everything || change.DepartmentsChanged;
            RequestRefresh();
            return Task.CompletedTask;
        }

        foreach (var status in change.Statuses.Where(status => status.EmployeeId == Id))
        {
            if (status.Status is { } now && _details is not null)
            {
                OnStatusChanged(now);
                StateHasChanged();
            }
            else
            {
                RequestRefresh();
            }
        }

        return Task.CompletedTask;
    }

    protected override async Task RefreshAsync()
    {
        _details = await VisibleAsync(await Directory.GetEmployeeAsync(Id, Lifetime));
        if (_departmentsStale)
        {
            _departmentsStale = false;
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }
    }

    private void OnStatusChanged(EmployeeStatus status)
    {
        if (_details is not null && status.Stamp >= _details.Status.Stamp)
        {
            _details = _details with { Status = _viewer is { } viewer ? Privacy.ForViewer(status, viewer) : status with { ChangedBy = null } };
        }
    }

    private async Task OnProfileChangedAsync(EmployeeDetails details) => _details = await VisibleAsync(details);

    /// <summary>The employee as the user may see them: "changed by" only on their own page, or for an admin.</summary>
    private async Task<EmployeeDetails?> VisibleAsync(EmployeeDetails? details)
    {
        if (details is null)
        {
            return null;
        }

        _viewer = await Actor.GetActorAsync(Lifetime);
        return Privacy.ForViewer(details, _viewer);
    }
}
