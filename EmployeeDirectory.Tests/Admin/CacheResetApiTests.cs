using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Admin;

/// <summary>POST /api/admin/cache/reset with a real redis-server: a new generation, whose keys nothing has cached yet.</summary>
public sealed class CacheResetApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private sealed record ResetResponse(long Generation);

    [Fact]
    public async Task AResetMovesTheCacheToANewGenerationSoNothingCachedBeforeIsReadAgain()
    {
        await using var app = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        using var client = app.CreateApiClient(DirectoryRoles.Admin);
        var id = (await RosterEntry.LoadAsync(app))[0].Id;
        await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}");
        var cache = app.Services.GetRequiredService<IFieldCache>();
        var before = cache.Keys.Generation;
        var oldKey = cache.Keys.Status(id).Name;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await connection.GetDatabase().KeyExistsAsync(oldKey), "the status was not cached in Redis before the reset");

        using var response = await client.PostAsync(new Uri("/api/admin/cache/reset", UriKind.Relative), content: null, TestContext.Current.CancellationToken);

        var reset = await ApiJson.ReadAsync<ResetResponse>(response);
        Assert.True(reset.Generation > before, $"generation {reset.Generation} after {before}");
        Assert.Equal(reset.Generation, cache.Keys.Generation);
        await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}");
        Assert.True(await connection.GetDatabase().KeyExistsAsync(cache.Keys.Status(id).Name), "the new generation's key was not written");
        Assert.NotEqual(oldKey, cache.Keys.Status(id).Name);
    }
}
