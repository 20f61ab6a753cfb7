using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Operations;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// Hit ratios per policy and tier, loads, invalidations, latency percentiles per tier, connection states,
/// and a chart of hits and misses from the <see cref="CacheStatsSampler"/>'s history.
/// </summary>
public sealed partial class CacheStatsPanel
{
    private static readonly (CacheTier Tier, string Label)[] AllLatencyTiers =
    [
        (CacheTier.L1, "L1 (memory, 1 lookup in 16 timed)"),
        (CacheTier.L2, "L2 (Redis)"),
        (CacheTier.Loader, "Database (loads)"),
    ];

    private readonly LineChartOptions _chartOptions = new()
    {
        ShowDataMarkers = false,
        LineStrokeWidth = 2,
        YAxisTicks = 5,
    };

    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private int? _seenTick;

    [Inject]
    private ICacheOperator Cache { get; set; } = default!;

    [Inject]
    private CacheStatsSampler Sampler { get; set; } = default!;

    /// <summary>Each change re-reads the sampler's history into the chart.</summary>
    [Parameter]
    public int RefreshTick { get; set; }

    private static int ChartMinutes => (int)(CacheStatsSampler.Interval * CacheStatsSampler.Capacity).TotalMinutes;

    private IEnumerable<(CacheTier Tier, string Label)> LatencyTiers =>
        Cache.HasRedis ? AllLatencyTiers : AllLatencyTiers.Where(item => item.Tier != CacheTier.L2);

    private CacheConnectionState RedisState => Cache.RedisState;

    private CacheConnectionState PubSubState => Cache.InvalidationChannelState;

    private string PubSubText => PubSubState switch
    {
        CacheConnectionState.Connected => "subscribed",
        CacheConnectionState.Degraded => "disconnected",
        _ => "not configured",
    };

    private string ChartDescription =>
        $"Line chart of L1 hits, {(Cache.HasRedis ? "L2 hits, " : "")}and misses per {(int)CacheStatsSampler.Interval.TotalSeconds} seconds";

    protected override void OnParametersSet()
    {
        if (_seenTick == RefreshTick)
        {
            return;
        }

        _seenTick = RefreshTick;
        BuildChart(Sampler.History());
    }

    private void BuildChart(IReadOnlyList<CacheStatsSample> history)
    {
        if (history.Count < 2)
        {
            _series = [];
            _labels = [];
            return;
        }

        var points = history.Count - 1;
        var l1 = new double[points];
        var l2 = new double[points];
        var misses = new double[points];
        var labels = new string[points];
        var samplesPerMinute = (int)(TimeSpan.FromMinutes(1) / CacheStatsSampler.Interval);
        for (var i = 0; i < points; i++)
        {
            var (before, after) = (history[i], history[i + 1]);
            l1[i] = after.L1Hits - before.L1Hits;
            l2[i] = after.L2Hits - before.L2Hits;
            misses[i] = Math.Max(0, after.Misses - before.Misses);
            var fromEnd = points - 1 - i;
            labels[i] = fromEnd == 0 ? "now" : fromEnd % samplesPerMinute == 0 ? $"-{fromEnd / samplesPerMinute} min" : string.Empty;
        }

        _series = [new() { Name = "L1 hits", Data = l1 }];
        if (Cache.HasRedis)
        {
            _series.Add(new() { Name = "L2 hits", Data = l2 });
        }

        _series.Add(new() { Name = "Misses", Data = misses });
        _labels = labels;
    }

    private double? ServedFromCache(CachePolicy policy)
    {
        var stats = Cache.Statistics;
        var lookups = stats.Hits(CacheTier.L1, policy) + stats.Misses(CacheTier.L1, policy);
        return lookups == 0 ? null : (double)(stats.Hits(CacheTier.L1, policy) + stats.Hits(CacheTier.L2, policy)) / lookups;
    }

    private static string StateText(CacheConnectionState state) => state switch
    {
        CacheConnectionState.Connected => "connected",
        CacheConnectionState.Degraded => "degraded",
        _ => "not configured",
    };

    private static Color StateColor(CacheConnectionState state) => state switch
    {
        CacheConnectionState.Connected => Color.Success,
        CacheConnectionState.Degraded => Color.Warning,
        _ => Color.Default,
    };

    private static string StateIcon(CacheConnectionState state) => state switch
    {
        CacheConnectionState.Connected => Icons.Material.Filled.CheckCircle,
        CacheConnectionState.Degraded => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.RemoveCircleOutline,
    };
}
