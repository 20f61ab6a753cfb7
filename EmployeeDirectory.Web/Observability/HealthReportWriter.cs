using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmployeeDirectory.Web.Observability;

/// <summary>Writes a health report as JSON listing every check; exception details stay in the log.</summary>
internal static partial class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var body = new HealthReportBody(
            report.Status.ToString(),
            Milliseconds(report.TotalDuration),
            [.. report.Entries.Select(entry => new HealthCheckBody(
                entry.Key,
                entry.Value.Status.ToString(),
                entry.Value.Description,
                Milliseconds(entry.Value.Duration),
                entry.Value.Data.ToDictionary(item => item.Key, item => Convert.ToString(item.Value, CultureInfo.InvariantCulture) ?? string.Empty)))]);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthReportBody, context.RequestAborted);
    }

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 2);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
    [JsonSerializable(typeof(HealthReportBody))]
    internal sealed partial class HealthJsonContext : JsonSerializerContext;
}
