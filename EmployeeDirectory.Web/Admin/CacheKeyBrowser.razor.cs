using System.Globalization;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// The live key browser: Redis keys page by page (SCAN, never KEYS) or this server's L1, filtered by
/// pattern and policy, re-listed on every <see cref="RefreshTick"/>, with evict per row. TTLs count
/// down in the browser (CacheKeyBrowser.razor.js) between refreshes.
/// </summary>
public sealed partial class CacheKeyBrowser : LifetimeComponent
{
    /// <summary>Keys asked for per "load more"; a SCAN page may hold somewhat more or fewer.</summary>
    public const int PageSize = 100;

    /// <summary>Most rows shown: past this the operator narrows the filter instead (the browser must stay responsive).</summary>
    public const int MaxRows = 1000;

    /// <summary>Longest one load keeps scanning for matches before it shows what it has.</summary>
    private static readonly TimeSpan LoadBudget = TimeSpan.FromSeconds(1.5);

    private const string AllPolicies = "all";
    private const string ModulePath = "./Admin/CacheKeyBrowser.razor.js";

    private List<KeyRow> _rows = [];
    private KeyBrowserView _view;
    private string? _pattern;
    private CachePolicy? _policy;
    private string? _cursor;
    private long _total;
    private bool _loading;
    private string? _error;
    private int _version;
    private int _seenTick;
    private ElementReference _tableRoot;
    private IJSObjectReference? _module;

    [Inject]
    private ICacheOperator Cache { get; set; } = default!;

    [Inject]
    private CacheConsoleActions Actions { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<CacheKeyBrowser> Logger { get; set; } = default!;

    /// <summary>Each change re-lists from the start as many keys as are shown (the console's auto-refresh).</summary>
    [Parameter]
    public int RefreshTick { get; set; }

    private string PolicyValue => _policy?.Name ?? AllPolicies;

    private string CountText
    {
        get
        {
            var more = _cursor is null ? "" : ", more to scan";
            return _view == KeyBrowserView.Redis
                ? $"{CacheFormat.Count(_rows.Count)} shown{more} · {CacheFormat.Count(_total)} keys in Redis"
                : $"{CacheFormat.Count(_rows.Count)} shown{more} · {CacheFormat.Count(_total)} entries on this server";
        }
    }

    private string EmptyText =>
        _pattern is null && _policy is null
            ? _view == KeyBrowserView.Redis ? "Redis holds no cached keys." : "This server's memory holds no cached keys."
            : _cursor is null ? "No keys match." : "No matches in the keys scanned so far: load more to keep scanning.";

    protected override async Task OnInitializedAsync()
    {
        _view = Cache.HasRedis ? KeyBrowserView.Redis : KeyBrowserView.Local;
        _seenTick = RefreshTick;
        await LoadAsync(PageSize, from: null);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (RefreshTick == _seenTick)
        {
            return;
        }

        _seenTick = RefreshTick;
        if (!_loading)
        {
            await LoadAsync(Math.Max(_rows.Count, PageSize), from: null);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", Lifetime, ModulePath);
            }

            if (_module is not null)
            {
                await _module.InvokeVoidAsync("track", Lifetime, _tableRoot, Time.GetUtcNow().ToUnixTimeMilliseconds());
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing left to animate.
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // Disposed while the call was under way.
        }
    }

    private async Task OnViewChangedAsync(KeyBrowserView view)
    {
        _view = view;
        await LoadAsync(PageSize, from: null);
    }

    private async Task OnPatternChangedAsync(string? pattern)
    {
        _pattern = string.IsNullOrWhiteSpace(pattern) ? null : pattern.Trim();
        await LoadAsync(PageSize, from: null);
    }

    private async Task OnPolicyChangedAsync(string? value)
    {
        _policy = value is null ? null : Cache.Keys.Contract.FindPolicy(value);
        await LoadAsync(PageSize, from: null);
    }

    private Task LoadMoreAsync() => _cursor is null ? Task.CompletedTask : LoadAsync(_rows.Count + PageSize, from: _cursor);

    /// <summary>
    /// Lists keys until <paramref name="targetRows"/> are shown, the listing ends, or <see cref="LoadBudget"/> is
    /// spent: from the start (<paramref name="from"/> null) or appended after <paramref name="from"/>. A filter
    /// that matches few of 100,000 keys thus keeps scanning by itself for a moment instead of showing an empty
    /// page. The last load started wins: an older one that finishes later is dropped.
    /// </summary>
    private async Task LoadAsync(int targetRows, string? from)
    {
        var version = ++_version;
        _loading = true;
        var token = Lifetime;
        var started = Time.GetTimestamp();
        try
        {
            var rows = from is null ? new List<KeyRow>() : [.. _rows];
            var seen = rows.Select(row => row.Entry.Key).ToHashSet(StringComparer.Ordinal);
            var cursor = from;
            var total = _total;
            do
            {
                var query = new CacheEntryQuery(_pattern, _policy, cursor, PageSize);
                CacheEntryPage page;
                if (_view == KeyBrowserView.Redis)
                {
                    var listed = await Cache.ListRedisAsync(query, token);
                    if (!listed.Succeeded)
                    {
                        ShowListingProblem(version, listed.Problem);
                        return;
                    }

                    page = listed.Value;
                }
                else
                {
                    page = await Cache.ListLocalAsync(query, token);
                }

                var now = Time.GetUtcNow();

                // SCAN may return a key twice across pages; show it once.
                rows.AddRange(page.Entries.Where(entry => seen.Add(entry.Key)).Select(entry => KeyRow.From(entry, now)));
                cursor = page.NextCursor;
                total = page.TotalKeys;
            }
            while (cursor is not null && rows.Count < Math.Min(targetRows, MaxRows) && Time.GetElapsedTime(started) < LoadBudget);

            if (version != _version)
            {
                return;
            }

            _rows = rows.Count > MaxRows ? [.. rows.Take(MaxRows)] : rows;
            _cursor = cursor;
            _total = total;
            _error = null;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The console closed.
        }
        finally
        {
            if (version == _version)
            {
                _loading = false;
            }
        }
    }

    private async Task EvictAsync(KeyRow row)
    {
        var key = row.Entry.Key;

        // A listing that started before the eviction could bring the key back: drop whatever is in flight.
        _version++;
        _loading = false;
        var evicted = await Actions.EvictAsync(key);
        if (!evicted.Succeeded)
        {
            Snackbar.Add(evicted.Problem, Severity.Error);
            return;
        }

        _rows = [.. _rows.Where(other => other.Entry.Key != key)];
        _total = Math.Max(0, _total - 1);
        Snackbar.Add($"Evicted {key}", Severity.Success);
    }

    private static string UnixMs(DateTimeOffset moment) => moment.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static Color TierColor(CacheEntryTiers tiers) => tiers switch
    {
        CacheEntryTiers.Both => Color.Success,
        CacheEntryTiers.L2 => Color.Primary,
        _ => Color.Info,
    };

    private void ShowListingProblem(int version, string problem)
    {
        if (version == _version)
        {
            _error = $"{problem} This list may be out of date; the next refresh tries again.";
            Log.ListingFailed(Logger, problem);
        }
    }

    protected override async ValueTask OnDisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("untrack", _tableRoot);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and its timers with it.
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "The cache console could not list keys: {Problem}")]
        public static partial void ListingFailed(ILogger logger, string problem);
    }
}
