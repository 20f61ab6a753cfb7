using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// The directory: search, filters, server-side paging and sorting, all mirrored in the URL. The URL is the source
/// of truth: a change here pushes a history entry, and arriving at a URL (link, back, forward) loads it. The first
/// page is loaded while prerendering and carried into the interactive render (<see cref="Snapshot"/>), so the first
/// paint shows people and nothing loads twice.
/// </summary>
public sealed partial class PeoplePage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private readonly Dictionary<string, object?> _shortcutAttributes = new() { ["data-shortcut"] = "/" };
    private readonly Dictionary<string, object?> _downloadAttributes = new() { ["download"] = "employees.csv" };

    private DirectoryQuery _query = new();
    private string? _searchText;
    private IReadOnlyList<DepartmentSummary> _departments = [];
    private List<DirectoryRow> _rows = [];
    private int _total;
    private bool _loaded;
    private bool _loading;
    private int _loads;
    private IReadOnlyList<string>? _errors;

    [Inject]
    private IDirectoryService Directory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Set while prerendering, restored in the interactive render.</summary>
    [PersistentState]
    public PeopleSnapshot? Snapshot { get; set; }

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
        var fromUrl = DirectoryUrl.Parse(Q, Department, Status, Sort, Page, PageSize);
        if (_loaded && fromUrl == _query)
        {
            return;
        }

        // Arrived at a URL this page did not just write (first load, link, back/forward).
        _query = fromUrl;
        _searchText = fromUrl.Text;
        if (Snapshot is { } snapshot && snapshot.Query == fromUrl)
        {
            _departments = snapshot.Departments;
            Show(snapshot.Page);
            Snapshot = null;
            return;
        }

        if (_departments.Count == 0)
        {
            _departments = await Directory.GetDepartmentsAsync(Lifetime);
        }

        await LoadAsync();
        if (!RendererInfo.IsInteractive && _errors is null)
        {
            Snapshot = new PeopleSnapshot(_query, new DirectoryPage(_rows, _total, _query.Page, _query.PageSize), _departments);
        }
    }

    protected override async Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change)
    {
        if (ShouldReload(change))
        {
            await LoadAsync();
        }
    }

    /// <summary>
    /// A status change matters when it touches a shown row or could move someone in or out of a status
    /// filter; a profile change always does, because a rename can move anyone onto or off this page (and
    /// profile edits are rare).
    /// </summary>
    private bool ShouldReload(DirectoryChangedEventArgs change) => change.Kind switch
    {
        DirectoryChangeKind.Status => _query.Status is not null || _rows.Exists(row => change.Affects(row.Id)),
        _ => true,
    };

    /// <summary>Loads the page <see cref="_query"/> asks for; a later load wins over an earlier one still running.</summary>
    private async Task LoadAsync()
    {
        var load = ++_loads;
        var query = _query;
        _loading = true;
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
                await LoadAsync();
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

    private void Show(DirectoryPage page)
    {
        _rows = [.. page.Items];
        _total = page.Total;
        _loaded = true;
    }

    private void OnRowStatusChanged(EmployeeStatus status)
    {
        var index = _rows.FindIndex(row => row.Id == status.EmployeeId);
        if (index >= 0)
        {
            _rows[index] = _rows[index] with { Status = status };
        }
    }

    private Task OnSearchChangedAsync(string? text)
    {
        _searchText = text;
        return ApplyQueryAsync(_query with { Text = DirectoryUrl.NormalizeText(text), Page = 1 });
    }

    private Task OnDepartmentChangedAsync(string? department) =>
        ApplyQueryAsync(_query with { Department = string.IsNullOrEmpty(department) ? null : department, Page = 1 });

    private Task OnStatusChangedAsync(string? status) =>
        ApplyQueryAsync(_query with { Status = DirectoryUrl.ParseStatus(status), Page = 1 });

    private Task OnPageChangedAsync(int page) => ApplyQueryAsync(_query with { Page = page });

    private Task OnPageSizeChangedAsync(int pageSize) => ApplyQueryAsync(_query with { PageSize = pageSize, Page = 1 });

    private Task SortByAsync(string label)
    {
        var direction = DirectorySortLabels.DirectionFor(label, _query.Sort) == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending;
        return ApplyQueryAsync(_query with { Sort = DirectorySortLabels.ToSort(label, direction) ?? DirectorySort.Name, Page = 1 });
    }

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

    private SortDirection DirectionOf(string label) => DirectorySortLabels.DirectionFor(label, _query.Sort);
}
