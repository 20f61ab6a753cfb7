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
    private static readonly MarkupString SetInLabel = ButtonLabel(Icons.Material.Filled.Login, "Set in");
    private static readonly MarkupString SetOutLabel = ButtonLabel(Icons.Material.Filled.Logout, "Set out");

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

    /// <summary>
    /// The page: the row registers with it so the page can patch it, and tells it the status the user set here
    /// (a plain call, not an event callback: the row shows the change itself, and the page need not render for it).
    /// </summary>
    [Parameter, EditorRequired]
    public IDirectoryRowOwner Owner { get; set; } = default!;

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
        if (_row is not null)
        {
            Owner.Unregister(this);
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

        Owner.Register(this);
    }

    protected override bool ShouldRender() => _dirty;

    protected override void OnAfterRender(bool firstRender) => _dirty = false;

    // The same person's name cell on every page that shows them: one copy per server.
    private static readonly SharedMarkup<(int Id, string Name, string Email, string Title)> SharedPeople = new(20_000);

    /// <summary>The name cell: avatar, linked name, email and (on phones) title, as one block of markup.</summary>
    private static MarkupString PersonMarkup(DirectoryRow row) =>
        SharedPeople.Get((row.Id, row.DisplayName, row.Email, row.Title), row, RenderPerson);

    private static MarkupString RenderPerson(DirectoryRow row) =>
        new($"<div class=\"directory-person\">{InitialsAvatar.Markup(row.Id, row.DisplayName)}<div class=\"directory-person-text\"><a href=\"employees/{row.Id}\" class=\"directory-link\">{HtmlText.Encode(row.DisplayName)}</a><span class=\"directory-email\">{HtmlText.Encode(row.Email)}</span><span class=\"directory-subtitle\">{HtmlText.Encode(row.Title)}</span></div></div>");

    private static MarkupString ButtonLabel(string icon, string text) =>
        new($"<span class=\"mud-button-label\"><span class=\"mud-button-icon-start mud-button-icon-size-small\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg></span>{text}</span>");

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
                Owner.StatusChanged(stored);
            }
        }
        finally
        {
            _busy = false;
            _dirty = true;
        }
    }
}
