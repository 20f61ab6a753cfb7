using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Api;

/// <summary>The factory's Redis option wires the API's reads and writes through a real redis-server.</summary>
public sealed class RedisApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task APresenceChangeThroughTheApiIsReadBackThroughRedis()
    {
        await using var app = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        using var client = app.CreateApiClient(DirectoryRoles.Admin);
        var id = (await RosterEntry.LoadAsync(app))[0].Id;

        (await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = "In", note = "via redis" })).EnsureSuccessStatusCode();
        var read = await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}");

        Assert.Equal("via redis", read.Presence.Note);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var cached = await connection.GetDatabase().StringGetAsync($"ed:employee:{id}:status");
        Assert.True(cached.HasValue, "The status was not written back to Redis");
        Assert.Contains("via redis", cached.ToString(), StringComparison.Ordinal);
    }
}
