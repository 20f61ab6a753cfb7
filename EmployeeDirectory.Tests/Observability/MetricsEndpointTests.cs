using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Observability;

[Collection(MetricsTestGroup.Name)]
public sealed class MetricsEndpointTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterSomeTrafficMetricsServesPrometheusTextWithCacheHttpEfCoreAndRuntimeMetrics()
    {
        using var client = app.CreateApiClient();
        var id = await app.QueryDatabaseAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Token));
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"/api/employees/{id}", Token)).EnsureSuccessStatusCode();
        }

        (await client.GetAsync("/api/employees?q=a", Token)).EnsureSuccessStatusCode();

        using var response = await client.GetAsync(ObservabilityHostingExtensions.MetricsPath, Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE cache_hits_total counter", text, StringComparison.Ordinal);
        Assert.Matches(@"cache_hits_total\{[^}]*policy=""profile""[^}]*tier=""l1""[^}]*\} [1-9]", text);
        Assert.Matches(@"cache_loads_total\{[^}]*policy=""status""[^}]*\} [1-9]", text);
        Assert.Contains("cache_misses_total{", text, StringComparison.Ordinal);
        Assert.Contains("cache_latency_milliseconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("le=\"0.025\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_queries_total", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_process_cpu_count", text, StringComparison.Ordinal);
    }
}
