using System.Net;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, Redis as a less trusted store: what the app reads from Redis (aggregate members, patches heard on
/// the channel, announced generations) is checked before it is used. A member that cannot be read (a back-at time
/// out of range, a roster entry with missing fields) is skipped and logged, never thrown; a generation the
/// database does not hold is not followed.
/// </summary>
public sealed class PoisonedRedisTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task APoisonedMemberInRedisIsSkippedAndLoggedAndTheDirectoryStillAnswers()
    {
        await using var first = DirectoryAppFactory.Create(redis.ConnectionString);
        using (var warm = first.CreateApiClient())
        {
            (await warm.GetAsync(new Uri("/api/employees?status=In", UriKind.Relative), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var roster = await RosterEntry.LoadAsync(first);
        var keys = first.Services.GetRequiredService<IFieldCache>().Keys;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        await db.HashSetAsync(keys.Presence, roster[3].Id, "999999|O|99999999999999999");
        await db.HashSetAsync(keys.Roster, roster[4].Id, "999999|only|three|fields");

        // Another server loads both aggregates from Redis's copies.
        await using var second = DirectoryAppFactory.Create(redis.ConnectionString, settings: SameDatabaseAs(first));
        using var client = second.CreateApiClient();
        foreach (var path in new[] { "/api/employees?status=In", "/api/employees?status=Out", "/api/roll-call", "/api/employees?pageSize=100" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var skipped = second.Logs.WithEventId(1226).Select(entry => entry.Message).ToList();
        Assert.Contains(skipped, message => message.Contains(keys.Presence, StringComparison.Ordinal) && message.Contains($"member {roster[3].Id}", StringComparison.Ordinal));
        Assert.Contains(skipped, message => message.Contains(keys.Roster, StringComparison.Ordinal) && message.Contains($"member {roster[4].Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APoisonedPatchOnTheChannelIsSkippedAndLogged()
    {
        await using var app = DirectoryAppFactory.Create(redis.ConnectionString);
        using var client = app.CreateApiClient();
        (await client.GetAsync(new Uri("/api/employees?status=In", UriKind.Relative), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var keys = app.Services.GetRequiredService<IFieldCache>().Keys;
        var id = (await RosterEntry.LoadAsync(app))[5].Id;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        await connection.GetSubscriber().PublishAsync(
            RedisChannel.Literal(keys.InvalidationChannel),
            $$$"""{"o":"intruder","i":0,"n":{{{keys.Generation}}},"v":{"d":[],"p":[["directory:presence",{{{id}}},999999,"I|-99999999999999999"]]}}""");

        await Eventually.HoldsAsync(
            () => app.Logs.WithEventId(1226).Any(entry => entry.Message.Contains($"member {id}", StringComparison.Ordinal)),
            "the poisoned patch to be skipped and logged");
        using var after = await client.GetAsync(new Uri("/api/employees?status=In", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AGenerationTheDatabaseDoesNotHoldIsNotFollowed()
    {
        await using var app = DirectoryAppFactory.Create(redis.ConnectionString);
        var cache = app.Services.GetRequiredService<IFieldCache>();
        var generation = cache.Keys.Generation;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        await connection.GetSubscriber().PublishAsync(
            RedisChannel.Literal(cache.Keys.InvalidationChannel),
            $$"""{"o":"intruder","i":0,"k":[],"a":[],"g":{{generation + 12345}}}""");

        await Eventually.HoldsAsync(() => app.Logs.WithEventId(1226 + 1).Count > 0, "the announced generation to be checked against the database and refused");
        Assert.Equal(generation, cache.Keys.Generation);
    }

    private static Dictionary<string, string?> SameDatabaseAs(DirectoryAppFactory app) => new()
    {
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = app.DatabaseConnectionString,
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
    };
}
