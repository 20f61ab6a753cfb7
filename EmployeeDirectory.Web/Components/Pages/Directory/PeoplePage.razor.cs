using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>
/// The directory: search, filters, server-side paging and sorting, all mirrored in the URL.
/// The URL is the source of truth: a filter change or a table page/sort change pushes a history entry,
/// and arriving at a URL (link, back, forward) rebuilds the table from it.
/// </summary>
public sealed partial class PeoplePage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private readonly Dictionary<string, object?> _tableAttributes = new() { ["aria-label"] = "Employees" };
    private readonly Dictionary<int, EmployeeStatus> _statusOverrides = [];

    private MudTable<DirectoryRow>? _table;
    private DirectoryQuery _query = new();
    private string? _searchText;
    private int _tableKey;
    private IReadOnlyList<DepartmentSummary> _departments = [];
    private IReadOnlyList<DirectoryRow> _rows = [];
    private IReadOnlyList<string>? _errors;

    [Inject]
    private IDirectoryService Directory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

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

    protected override async Task OnInitializedAsync()
    {
        _departments = await Directory.GetDepartmentsAsync(Lifetime);
    }

    protected override void OnParametersSet()
    {
        var fromUrl = DirectoryUrl.Parse(Q, Department, Status, Sort, Page, PageSize);
        if (fromUrl == _query)
        {
            return;
        }

        // Arrived at a URL this page did not just write (first load, link, back/forward): rebuild the table.
        _query = fromUrl;
        _searchText = fromUrl.Text;
        _tableKey++;
    }

    protected override async Task OnDirectoryChangedAsync(DirectoryChangedEventArgs change)
    {
        if (_table is null || !ShouldReload(change))
        {
            return;
        }

        await _table.ReloadServerData();
    }

    /// <summary>
    /// A status change matters when it touches a shown row or could move someone in or out of a status
    /// filter; a profile change always does, because a rename can move anyone onto or off this page (and
    /// profile edits are rare).
    /// </summary>
    private bool ShouldReload(DirectoryChangedEventArgs change) => change.Kind switch
    {
        DirectoryChangeKind.Status => _query.Status is not null || _rows.Any(row => change.Affects(row.Id)),
        _ => true,
    };

    private async Task<TableData<DirectoryRow>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var requested = _query with
        {
            Page = state.Page + 1,
            PageSize = state.PageSize,
            Sort = DirectorySortLabels.ToSort(state.SortLabel, state.SortDirection) ?? _query.Sort,
        };
        if (requested != _query)
        {
            _query = requested;
            PushUrl();
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifetime);
        var result = await Directory.SearchAsync(requested, linked.Token);
        if (!result.IsOk || result.Value is not { } page)
        {
            _errors = result.Errors.Values.SelectMany(messages => messages).DefaultIfEmpty("The search could not be run.").ToList();
            _rows = [];
            return new TableData<DirectoryRow> { Items = [], TotalItems = 0 };
        }

        _errors = null;
        _statusOverrides.Clear();

        // A page past the end (an old link) comes back empty; MudTable then moves to the first page and asks again.
        _rows = page.Items;
        return new TableData<DirectoryRow> { Items = page.Items, TotalItems = page.Total };
    }

    private EmployeeStatus StatusOf(DirectoryRow row) =>
        _statusOverrides.TryGetValue(row.Id, out var status) ? status : row.Status;

    private void OnRowStatusChanged(EmployeeStatus status) => _statusOverrides[status.EmployeeId] = status;

    private void OnSearchChanged(string? text)
    {
        _searchText = text;
        ApplyQuery(_query with { Text = DirectoryUrl.NormalizeText(text), Page = 1 });
    }

    private void OnDepartmentChanged(string? department) =>
        ApplyQuery(_query with { Department = string.IsNullOrEmpty(department) ? null : department, Page = 1 });

    private void OnStatusChanged(string? status) =>
        ApplyQuery(_query with { Status = DirectoryUrl.ParseStatus(status), Page = 1 });

    private void ClearFilters()
    {
        _searchText = null;
        ApplyQuery(_query with { Text = null, Department = null, Status = null, Page = 1 });
    }

    private void ApplyQuery(DirectoryQuery next)
    {
        if (next == _query)
        {
            return;
        }

        _query = next;
        _tableKey++;
        PushUrl();
    }

    private void PushUrl() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(DirectoryUrl.ToParameters(_query)), forceLoad: false, replace: false);

    private SortDirection InitialDirection(string label) => DirectorySortLabels.DirectionFor(label, _query.Sort);
}
