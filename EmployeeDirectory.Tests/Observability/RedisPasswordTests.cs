using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Observability;

/// <summary>
/// A production Redis requires a password, and the app takes it in its connection string
/// (<c>ConnectionStrings:Redis</c> = <c>host:port,password=...</c>). The test's redis-server is switched to
/// require one, as <c>requirepass</c> in its configuration would.
/// </summary>
public sealed class RedisPasswordTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const string Password = "redis-password-for-tests-2026";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},password={Password},allowAdmin=true");
        foreach (var server in admin.GetServers())
        {
            await server.ConfigSetAsync("requirepass", Password);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task WithThePasswordInItsConnectionStringTheAppUsesRedisAndNeverLogsThePassword()
    {
        await using var app = DirectoryAppFactory.Create(redisConnectionString: $"{redis.ConnectionString},password={Password}");
        using var client = app.CreateApiClient();
        using (var read = await client.GetAsync("/api/employees?pageSize=5", Token))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var ready = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath);

        Assert.Equal(("Healthy", "subscribed"), (ready.Checks["redis"].Status, ready.Checks["redis"].Data["invalidationChannel"]));
        await using var reader = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},password={Password}");
        Assert.NotEmpty(reader.GetServers().Single().Keys(pattern: "ed:*"));
        Assert.DoesNotContain(app.Logs.Entries, entry => entry.Message.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutThePasswordRedisRefusesTheAppAndItServesFromTheDatabase()
    {
        await using var app = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        using var client = app.CreateApiClient();

        using var read = await client.GetAsync("/api/employees?pageSize=5", Token);
        var ready = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (ready.StatusCode, ready.Checks["redis"].Status));
    }
}
