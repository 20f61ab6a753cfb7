using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Observability;

/// <summary>Readiness with Redis configured, through an outage of the real redis-server and its recovery.</summary>
public sealed class ReadinessWithRedisTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisIsHealthyThenDegradedNotUnhealthyWhileDownAndTheAppKeepsServing()
    {
        await using var app = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        using var client = app.CreateApiClient();
        var ids = await app.QueryDatabaseAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Token));

        var before = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath);
        Assert.Equal("Healthy", before.Status);
        Assert.Equal(["database", "redis"], before.Checks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("subscribed", before.Checks["redis"].Data["invalidationChannel"]);
        Assert.True(double.Parse(before.Checks["redis"].Data["pingMs"], System.Globalization.CultureInfo.InvariantCulture) >= 0);

        await redis.StopAsync(Token);

        var during = await PollAsync(client, ids, report => report.Status == "Degraded");
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal("Healthy", during.Checks["database"].Status);
        Assert.Equal("Degraded", during.Checks["redis"].Status);
        Assert.Contains("served from L1 and the database", during.Checks["redis"].Description, StringComparison.Ordinal);
        using (var read = await client.GetAsync($"/api/employees/{ids[^1]}", Token))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        await redis.StartAsync(Token);

        var after = await PollAsync(client, ids, report => report.Status == "Healthy");
        Assert.Equal("Healthy", after.Checks["redis"].Status);
    }

    /// <summary>
    /// Reads readiness until <paramref name="done"/>, making traffic in between: the cache's circuit breaker
    /// only probes Redis again when a read needs it, as in a live server.
    /// </summary>
    private static Task<HealthJson> PollAsync(HttpClient client, List<int> ids, Func<HealthJson, bool> done)
    {
        var reads = 0;
        return Eventually.ReturnsAsync(
            async () =>
            {
                using (await client.GetAsync($"/api/employees/{ids[reads++ % ids.Count]}", Token))
                {
                }

                return await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath);
            },
            done,
            "readiness to change",
            TimeSpan.FromSeconds(30),
            report => report.Body);
    }
}
