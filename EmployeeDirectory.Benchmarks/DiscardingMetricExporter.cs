using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// An OpenTelemetry exporter that drops what it is given but counts the metrics, so a benchmark can prove
/// the SDK is aggregating the cache's Meter. The app's Prometheus exporter also collects only when asked.
/// </summary>
internal sealed class DiscardingMetricExporter : BaseExporter<Metric>
{
    public int MetricsSeen { get; private set; }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        foreach (var _ in batch)
        {
            MetricsSeen++;
        }

        return ExportResult.Success;
    }
}
