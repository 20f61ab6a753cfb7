using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Components.Live;
using EmployeeDirectory.Web.Components.Presence;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// The directory: search, filters, server-side paging and sorting, all mirrored in the URL. The URL is the source
/// of truth: a change here pushes a history entry, and arriving at a URL (link, back, forward) loads it. The first
/// page is loaded while prerendering, so the first paint shows people; the circuit reads it again from the cache
/// (rows that share their strings and statuses with every other page, not a copy per circuit). Live: a change that cannot move anyone into or out of the page, or
/// reorder it, is patched into the one row it concerns; any other runs the query again, at most once per refresh
/// interval (<see cref="DirectoryChangeImpact"/> decides).
/// </summary>
public sealed partial class PeoplePage : IDirectoryRowOwner
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private static readonly (string Value, string Text)[] StatusChoices = [("all", "Everyone"), ("in", "In"), ("out", "Out")];

    private static readonly MarkupString SearchIcon = new(Icons.Material.Filled.Search);
    private static readonly MarkupString DownloadIcon = new(Icons.Material.Filled.Download);

    private readonly Dictionary<int, DirectoryRowView> _rowViews = [];

    /// <summary>How long typing must pause before the search runs.</summary>
    internal static readonly TimeSpan SearchDebounce = TimeSpan.FromMilliseconds(300);


    private DirectoryQuery _query = new();
    private string? _searchText;
    private IReadOnlyList<DepartmentSummary> _departments = [];
    private List<DirectoryRow> _rows = [];
    private int _total;
    private bool _loaded;
    private bool _loading;
    private int _loads;
    private IReadOnlyList<string>? _errors;
    private bool _departmentsStale;
    private int _keystrokes;
    private (IReadOnlyList<DepartmentSummary> Departments, string? Selected, MarkupString Markup)? _departmentOptions;
    private DirectoryActor? _actor;

    [Inject]
    private IDirectoryService Directory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private StatusPrivacy Privacy { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = DirectoryUrl.Text)]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = DirectoryUrl.Department)]
    public string? Department { get; set; }

    [SupplyParameterFromQuery(Name = DirectoryUrl.Status)]
    public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = DirectoryUrl.Sort)]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = DirectoryUrl.Page)]
    public int? Page { get; set; }

    [SupplyParameterFromQuery(Name = DirectoryUrl.PageSize)]
    public int? PageSize { get; set; }

    /// <summary>The department list's options, built when the departments or the filter change.</summary>
    private MarkupString DepartmentOptions
    {
        get
        {
            if (_departmentOptions is { } built && ReferenceEquals(built.Departments, _departments) && built.Selected == _query.Department)
            {
                return built.Markup;
            }

            var html = new System.Text.StringBuilder("<option value=\"\">All departments</option>");
            foreach (var department in _departments)
            {
                var name = HtmlText.Encode(department.Name);
                var selected = string.Equals(department.Name, _query.Department, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<option value=\"{name}\"{selected}>{name} ({department.EmployeeCount})</option>");
            }

            _departmentOptions = (_departments, _query.Department, new MarkupString(html.ToString()));
            return _departmentOptions.Value.Markup;
        }
    }

    private string StatusFilter => DirectoryUrl.FormatStatus(_query.Status) ?? "all";

    private bool HasFilters => _query.Text is not null || _query.Department is not null || _query.Status is not null;

    private int PageCount => Math.Max(1, (int)Math.Ceiling(_total / (double)_query.PageSize));

    /// <summary>The CSV of everyone the current filters match, in the current order.</summary>
    private string ExportUrl => Navigation.GetUriWithQueryParameters("/api/employees/export.csv", new Dictionary<string, object?>
    {
        [DirectoryUrl.Text] = _query.Text,
        [DirectoryUrl.Department] = _query.Department,
        [DirectoryUrl.Status] = DirectoryUrl.FormatStatus(_query.Status),
        [DirectoryUrl.Sort] = _query.Sort == DirectorySort.Name ? null : _query.Sort.ToString(),
    });

    private string RangeText
    {
        get
        {
            if (_total == 0)
            {
                return "No people";
            }

            var first = ((_query.Page - 1) * _query.PageSize) + 1;
            var last = Math.Min(_total, first + _rows.Count - 1);
            return _rows.Count == 0 ? $"{_total} people" : $"{first}\u2013{last} of {_total}";
        }
    }

    private string EmptyMessage
    {
        get
        {
            var who = _query.Status switch
            {
                PresenceStatus.In => "No one who is in",
                PresenceStatus.Out => "No one who is out",
                _ => "No one",
            };
            var where = _query.Department is null ? "" : $" in {_query.Department}";
            return _query.Text is null
                ? HasFilters ? $"{who}{where}." : "The directory is empty."
                : $"{who}{where} matches \u201c{_query.Text}\u201d.";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // Who may change which row's status: Core's rule, from the circuit's user (refreshed when their roles change).
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _actor = user?.Identity is { IsAuthenticated: true, Name.Length: > 0 } ? DirectoryClaims.ActorOf(user) : null;

        var fromUrl = DirectoryUrl.Parse(Q, Department, Status, Sort, Page, PageSize);
        if (_loaded && fromUrl == _query)
        {
            return;
        }

        // Arrived at a URL this page did not just write (first load, link, back/forward).
        _query = fromUrl;
        _searchText = fromUrl.Text;
        if (_departments.Count == 0)
        {
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }

        await LoadAsync();
    }

    protected override Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change)
    {
        if (change.Everything || change.DepartmentsChanged)
        {
            _departmentsStale = true;
            RequestRefresh();
            return Task.CompletedTask;
        }

        var now = Time.GetUtcNow();
        foreach (var status in change.Statuses)
        {
            var index = _rows.FindIndex(row => row.Id == status.EmployeeId);
            if (DirectoryChangeImpact.MayReorder(_query, index >= 0, status.Status, now) || (index >= 0 && status.Status is null))
            {
                RequestRefresh();
            }
            else if (index >= 0 && status.Status!.Stamp >= _rows[index].Status.Stamp)
            {
                PatchRow(index, _rows[index] with { Status = status.Status });
            }
        }

        foreach (var profile in change.Profiles)
        {
            var index = _rows.FindIndex(row => row.Id == profile.EmployeeId);
            if (DirectoryChangeImpact.MayReorder(_query, ProfileMovement.Of(profile)))
            {
                RequestRefresh();
            }
            else if (index >= 0 && profile.Current is { } entry)
            {
                PatchRow(index, _rows[index] with
                {
                    DisplayName = entry.DisplayName,
                    Title = entry.Title,
                    Department = entry.Department,
                    Email = entry.Email,
                    Location = entry.Location,
                });
            }
        }

        return Task.CompletedTask;
    }

    protected override async Task RefreshAsync()
    {
        if (_departmentsStale)
        {
            _departmentsStale = false;
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }

        await LoadAsync(quietly: true);
    }

    /// <summary>
    /// Shows a changed row, as the user may see it (<see cref="StatusPrivacy"/>): in the list the page renders from, and
    /// in its row component, which renders alone.
    /// </summary>
    private void PatchRow(int index, DirectoryRow row)
    {
        row = Visible(row);
        _rows[index] = row;
        if (_rowViews.TryGetValue(row.Id, out var view))
        {
            view.Patch(row);
        }
    }

    private bool MaySetPresenceOf(int employeeId) => _actor?.MaySetPresenceOf(employeeId) == true;

    /// <summary>
    /// Loads the page <see cref="_query"/> asks for; a later load wins over an earlier one still running. A live
    /// refresh loads <paramref name="quietly"/>: the rows stay as they are until the new ones replace them.
    /// </summary>
    private async Task LoadAsync(bool quietly = false)
    {
        var load = ++_loads;
        var query = _query;
        _loading = !quietly;
        try
        {
            var result = await Directory.SearchAsync(query, Lifetime);
            if (load != _loads)
            {
                return;
            }

            if (!result.IsOk || result.Value is not { } page)
            {
                _errors = result.Errors.Values.SelectMany(messages => messages).DefaultIfEmpty("The search could not be run.").ToList();
                Show(new DirectoryPage([], 0, query.Page, query.PageSize));
                return;
            }

            if (page.Items.Count == 0 && page.Total > 0 && query.Page > 1)
            {
                // A page past the end (an old link, or people left the filter): go to the last page there is.
                _query = query with { Page = (int)Math.Ceiling(page.Total / (double)query.PageSize) };
                ReplaceUrl();
                await LoadAsync(quietly);
                return;
            }

            _errors = null;
            Show(page);
        }
        finally
        {
            if (load == _loads)
            {
                _loading = false;
            }
        }
    }

    /// <summary>A row as the user may see it: "changed by" only for their own status, or for an admin.</summary>
    private DirectoryRow Visible(DirectoryRow row) => _actor is { } viewer ? Privacy.ForViewer(row, viewer) : row with { Status = row.Status with { ChangedBy = null } };

    private void Show(DirectoryPage page)
    {
        _rows = [.. page.Items.Select(Visible)];
        _total = page.Total;
        _loaded = true;
        Follow(LiveInterest.Of(_query), [.. _rows.Select(row => row.Id)]);
    }

    void IDirectoryRowOwner.Register(DirectoryRowView row) => _rowViews[row.Shown.Id] = row;

    void IDirectoryRowOwner.Unregister(DirectoryRowView row)
    {
        if (_rowViews.TryGetValue(row.Shown.Id, out var registered) && ReferenceEquals(registered, row))
        {
            _rowViews.Remove(row.Shown.Id);
        }
    }

    /// <summary>The status the user just set on a row (or found someone else had): that row shows it at once.</summary>
    void IDirectoryRowOwner.StatusChanged(EmployeeStatus status)
    {
        var index = _rows.FindIndex(row => row.Id == status.EmployeeId);
        if (index >= 0 && status.Stamp >= _rows[index].Status.Stamp)
        {
            PatchRow(index, _rows[index] with { Status = status });
        }
    }

    /// <summary>Runs the search once typing pauses for <see cref="SearchDebounce"/>: each keystroke restarts the wait.</summary>
    private async Task OnSearchTypedAsync()
    {
        var typed = ++_keystrokes;
        await Task.Delay(SearchDebounce, Time, Lifetime);
        if (typed == _keystrokes)
        {
            await ApplyQueryAsync(_query with { Text = DirectoryUrl.NormalizeText(_searchText), Page = 1 });
        }
    }

    private Task OnDepartmentChangedAsync(ChangeEventArgs change)
    {
        var department = change.Value as string;
        return ApplyQueryAsync(_query with { Department = string.IsNullOrEmpty(department) ? null : department, Page = 1 });
    }

    private Task OnStatusChangedAsync(string? status) =>
        ApplyQueryAsync(_query with { Status = DirectoryUrl.ParseStatus(status), Page = 1 });


    private Task OnPageSizeChangedAsync(ChangeEventArgs change) =>
        int.TryParse(change.Value as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pageSize) && PageSizes.Contains(pageSize)
            ? ApplyQueryAsync(_query with { PageSize = pageSize, Page = 1 })
            : Task.CompletedTask;

    private Task ClearFiltersAsync()
    {
        _searchText = null;
        return ApplyQueryAsync(_query with { Text = null, Department = null, Status = null, Page = 1 });
    }

    private async Task ApplyQueryAsync(DirectoryQuery next)
    {
        if (next == _query)
        {
            return;
        }

        _query = next;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(DirectoryUrl.ToParameters(_query)), forceLoad: false, replace: false);
        await LoadAsync();
    }

    private void ReplaceUrl() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(DirectoryUrl.ToParameters(_query)), forceLoad: false, replace: true);

}
