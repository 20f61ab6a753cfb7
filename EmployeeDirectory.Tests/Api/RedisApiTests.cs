using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
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
        // Keys carry the database's cache generation: ed:g{generation}:employee:{id}:status.
        var key = app.Services.GetRequiredService<IFieldCache>().Keys.Status(id).Name;
        Assert.Matches("^ed:g[0-9]+:employee:[0-9]+:status$", key);
        var cached = await connection.GetDatabase().StringGetAsync(key);
        Assert.True(cached.HasValue, "The status was not written back to Redis");
        Assert.Contains("via redis", cached.ToString(), StringComparison.Ordinal);
    }
}
