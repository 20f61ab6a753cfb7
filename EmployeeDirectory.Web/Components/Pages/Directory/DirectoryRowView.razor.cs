using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Presence;
using EmployeeDirectory.Web.Components.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// One row of the directory table. The page hands it a new row when its query runs; a change to this one person
/// reaches it through <see cref="Patch"/> and re-renders this row alone. A row whose data did not change does not
/// render again when the page does.
/// </summary>
public sealed partial class DirectoryRowView : IDisposable
{
    private const string InButtonClass = "mud-button-root mud-button mud-button-text mud-button-text-success mud-button-text-size-small presence-button";
    private const string OutButtonClass = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small presence-button";
    private static readonly MarkupString InIcon = new(Icons.Material.Filled.Login);
    private static readonly MarkupString OutIcon = new(Icons.Material.Filled.Logout);

    private DirectoryRow _row = default!;
    private bool _canChange;
    private bool _dirty = true;
    private bool _busy;

    /// <summary>The row to show.</summary>
    [Parameter, EditorRequired]
    public DirectoryRow Row { get; set; } = default!;

    /// <summary>True when the user may change this person's status (their own, or anyone's for an admin).</summary>
    [Parameter]
    public bool CanChange { get; set; }

    /// <summary>The page's rows by employee id, where this row registers itself so the page can patch it.</summary>
    [Parameter, EditorRequired]
    public Dictionary<int, DirectoryRowView> Registry { get; set; } = default!;

    /// <summary>Told the stored status after the user changed it here (or found someone else had).</summary>
    [Parameter]
    public EventCallback<EmployeeStatus> StatusChanged { get; set; }

    [CascadingParameter]
    private ViewerTime? CascadedViewer { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private PresenceChanger Changer { get; set; } = default!;

    /// <summary>The row as shown now.</summary>
    public DirectoryRow Shown => _row;

    private ViewerTime Viewer => CascadedViewer ?? ViewerTime.Utc;

    /// <summary>Shows <paramref name="row"/> (the same person, changed) and renders this row alone.</summary>
    public void Patch(DirectoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row == _row)
        {
            return;
        }

        _row = row;
        _dirty = true;
        StateHasChanged();
    }

    public void Dispose()
    {
        if (_row is not null && Registry.TryGetValue(_row.Id, out var registered) && ReferenceEquals(registered, this))
        {
            Registry.Remove(_row.Id);
        }
    }

    protected override void OnParametersSet()
    {
        if (_row is null || Row != _row || CanChange != _canChange)
        {
            _row = Row;
            _canChange = CanChange;
            _dirty = true;
        }

        Registry[_row.Id] = this;
    }

    protected override bool ShouldRender() => _dirty;

    protected override void OnAfterRender(bool firstRender) => _dirty = false;

    private static string ButtonText(PresenceStatus target) => target == PresenceStatus.In ? "Set in" : "Set out";

    private async Task ToggleAsync()
    {
        var row = _row;
        _busy = true;
        _dirty = true;
        try
        {
            var stored = await Changer.SetAsync(
                row.Id, row.DisplayName, new PresenceUpdate(row.Status.Presence.Reverted(), null, row.Status.Stamp, null, PresenceSource.Ui));
            if (stored is not null)
            {
                await StatusChanged.InvokeAsync(stored);
            }
        }
        finally
        {
            _busy = false;
            _dirty = true;
        }
    }
}
