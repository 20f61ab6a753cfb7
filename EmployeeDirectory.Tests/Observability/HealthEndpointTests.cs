using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Observability;

/// <summary>Liveness and readiness of the whole app over a real SQLite file, in the embedded mode (no Redis).</summary>
public sealed class HealthEndpointTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task LiveIsHealthyWhileTheProcessRuns()
    {
        using var client = app.CreateApiClient();

        var live = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.LivePath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", live.Status);
        Assert.Equal(["process"], live.Checks.Keys);
    }

    [Fact]
    public async Task ReadyQueriesTheDatabaseAndListsEachCheckWithoutRedisWhenItIsNotConfigured()
    {
        using var client = app.CreateApiClient();

        var ready = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", ready.Status);
        Assert.Equal(["database"], ready.Checks.Keys);
        Assert.Equal("Healthy", ready.Checks["database"].Status);
        Assert.Equal("Sqlite", ready.Checks["database"].Data["provider"]);
    }

    [Theory]
    [InlineData(ObservabilityHostingExtensions.LivePath)]
    [InlineData(ObservabilityHostingExtensions.ReadyPath)]
    [InlineData(ObservabilityHostingExtensions.MetricsPath)]
    public void HealthAndMetricsEndpointsAreOpenToAnonymousCallers(string path)
    {
        // Sign-in adds a fallback policy for everything else; probes and the scraper carry no credentials.
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(candidate => "/" + candidate.RoutePattern.RawText?.TrimStart('/') == path);

        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
    }
}
