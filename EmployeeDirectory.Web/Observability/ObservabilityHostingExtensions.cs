using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Health checks and OpenTelemetry metrics, and the three endpoints that expose them.
/// </summary>
/// <remarks>
/// The endpoints need no sign-in on purpose: load balancers, orchestrators and Prometheus call them without
/// credentials, and they carry no directory data. <c>/metrics</c> does describe the traffic and the cache, so the app
/// answers them only to <c>Management:AllowedNetworks</c> and, with <c>Management:Urls</c>, only on that listener
/// (<see cref="ManagementAccess"/>); readiness is computed at most once a second (<see cref="ReadinessCache"/>).
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

        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ManagementOptions>, ManagementOptionsValidator>();
        builder.Services.AddSingleton<ReadinessCache>();
        builder.Services.AddTransient(_ => ManagementAccess.ListenerSplit());
        ManagementAccess.AddListener(builder, builder.Configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>() ?? new ManagementOptions());

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

        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = IsLive, ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous()
            .OnlyFromAllowedNetworks();
        app.Map(ReadyPath, ReadyAsync).AllowAnonymous().OnlyFromAllowedNetworks();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().OnlyFromAllowedNetworks();
        return app;
    }

    private static bool IsLive(HealthCheckRegistration registration) => registration.Tags.Contains(LiveTag);

    private static bool IsReady(HealthCheckRegistration registration) => registration.Tags.Contains(ReadyTag);

    /// <summary>The health checks middleware's answer (200 unless Unhealthy, never cached by anyone), from the shared report.</summary>
    private static async Task ReadyAsync(HttpContext context)
    {
        var report = await context.RequestServices.GetRequiredService<ReadinessCache>().GetAsync(IsReady);
        var response = context.Response;
        response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        await HealthReportWriter.WriteAsync(context, report);
    }
}
