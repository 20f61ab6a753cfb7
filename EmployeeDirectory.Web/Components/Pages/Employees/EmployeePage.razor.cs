using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
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

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private IDirectoryService Directory { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
        {
            return;
        }

        _loading = true;
        _details = await Directory.GetEmployeeAsync(Id, Lifetime);
        if (_details is not null && _departments.Count == 0)
        {
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }

        _loadedId = Id;
        _loading = false;
    }

    protected override async Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change)
    {
        if (_loading || !change.Affects(Id))
        {
            return;
        }

        _details = await Directory.GetEmployeeAsync(Id, Lifetime);
        if (change.Kind != DirectoryChangeKind.Status)
        {
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }
    }

    private void OnStatusChanged(EmployeeStatus status)
    {
        if (_details is not null)
        {
            _details = _details with { Status = status };
        }
    }

    private void OnProfileChanged(EmployeeDetails details) => _details = details;
}
