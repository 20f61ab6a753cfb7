using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Health checks and OpenTelemetry metrics, and the three endpoints that expose them.
/// </summary>
/// <remarks>
/// The endpoints are anonymous on purpose: load balancers, orchestrators and Prometheus call them without
/// credentials, and they carry no directory data. <c>/metrics</c> does describe the traffic and the cache,
/// so in production let only the scraper's network reach it (a reverse-proxy rule, a network policy).
/// </remarks>
public static class ObservabilityHostingExtensions
{
    /// <summary>Liveness: healthy while the process runs and serves HTTP.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: the database answers a query; Redis too when configured (degraded, not unhealthy, when it does not).</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The Meter EF Core 9+ publishes its own metrics on (queries, SaveChanges, active contexts).</summary>
    public const string EntityFrameworkCoreMeterName = "Microsoft.EntityFrameworkCore";

    /// <summary>Blazor Server's circuit Meter (active and connected circuits).</summary>
    public const string BlazorCircuitsMeterName = "Microsoft.AspNetCore.Components.Server.Circuits";

    private const string LiveTag = "live";
    private const string ReadyTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    // Cache lookups take microseconds (L1) to milliseconds (Redis, the database): the SDK's default
    // buckets start at 5 ms and would put nearly every lookup in the first one.
    private static readonly double[] CacheLatencyBucketsMs =
        [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000];

    public static WebApplicationBuilder AddDirectoryObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var checks = builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The process is running."), [LiveTag])
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);

        // Same rule as the cache itself: Redis is in use exactly when its connection string is set.
        if (builder.Configuration.HasRedis())
        {
            // Degraded, not Unhealthy: without Redis the app still serves from L1 and the database.
            checks.AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [ReadyTag], CheckTimeout);
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(EntityFrameworkCoreMeterName)
                .AddMeter(BlazorCircuitsMeterName)
                .AddMeter(CacheMeter.Name)
                .AddMeter(AuthMetrics.MeterName)
                .AddView("cache.latency", new ExplicitBucketHistogramConfiguration { Boundaries = CacheLatencyBucketsMs })
                .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapDirectoryObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapHealthChecks(LivePath, Options(LiveTag)).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, Options(ReadyTag)).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = HealthReportWriter.WriteAsync,
    };
}
