using System.Text.Json;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

public sealed class FieldCacheRedisTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EntriesInRedisCarryThePolicyTtlWithinJitterAndReadAsPlainJson()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource();
        source.Put(7, PresenceStatus.In, "back at 3pm");

        await source.ReadAsync(server.Cache, 7, Token);

        var key = server.Keys.Status(7).Name;
        var ttl = await server.Db.KeyTimeToLiveAsync(key);
        var policy = server.Policies[DirectoryCacheContract.Status];
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, policy.Ttl * (1 - policy.Jitter) - TimeSpan.FromSeconds(1), policy.Ttl * (1 + policy.Jitter));
        using var json = JsonDocument.Parse((string)(await server.Db.StringGetAsync(key))!);
        Assert.Equal("In", json.RootElement.GetProperty("presence").GetString());
        Assert.Equal("back at 3pm", json.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ProfileEntriesLiveAboutADayInRedis()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var profile = new Core.Employees.EmployeeProfile(3, "Ada", "Lovelace", "Ada Lovelace", "Engineer", 1, "Research", "ada@example.com", "", "London", Guid.NewGuid());

        await server.Cache.GetOrLoadAsync(server.Keys.Profile(3), profile, static (p, _) => Task.FromResult<Core.Employees.EmployeeProfile?>(p), Token);

        var ttl = await server.Db.KeyTimeToLiveAsync(server.Keys.Profile(3).Name);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 86400 * 0.9 - 1, 86400 * 1.1);
    }

    [Fact]
    public async Task AnL1CopyNeverOutlivesTheRedisEntryItCopied()
    {
        await using var writer = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var reader = await CacheHarness.StartAsync(redis.ConnectionString, writer.Keys.Prefix);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await source.ReadAsync(writer.Cache, 1, Token);
        var key = writer.Keys.Status(1).Name;
        await writer.Db.KeyExpireAsync(key, TimeSpan.FromSeconds(3));

        await source.ReadAsync(reader.Cache, 1, Token);

        var copy = reader.Engine.L1.Peek(key);
        Assert.NotNull(copy);
        Assert.True(copy.ExpiresAt - DateTimeOffset.UtcNow <= TimeSpan.FromSeconds(3), $"L1 copy lives until {copy.ExpiresAt:O}, past the Redis entry");
    }

    [Fact]
    public async Task HundredConcurrentMissesOfOneKeyRunTheLoaderOnce()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        source.Put(42, PresenceStatus.In);

        var reads = Enumerable.Range(0, 100).Select(_ => source.ReadAsync(server.Cache, 42, Token).AsTask()).ToArray();
        await source.LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        source.Gate.SetResult();
        var results = await Task.WhenAll(reads);

        Assert.Equal(1, source.Loads);
        Assert.All(results, status => Assert.Equal(PresenceStatus.In, status!.Presence));
    }

    [Fact]
    public async Task APageOfFiftyStatusesCostsOneMgetAndOneQuery()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource();
        var ids = Enumerable.Range(1, 50).ToArray();
        foreach (var id in ids)
        {
            source.Put(id, id % 2 == 0 ? PresenceStatus.In : PresenceStatus.Out);
        }

        var before = await MgetCallsAsync();
        var first = await server.Cache.GetOrLoadManyAsync(ids, server.Keys.Status, source.LoadManyAsync, Token);

        Assert.Equal(50, first.Count);
        Assert.Equal(1, source.BatchLoads);
        Assert.Equal(before + 1, await MgetCallsAsync());
        // The batch wrote back to Redis before it returned, as a single read does.
        Assert.Equal(ids.Length, await server.Db.KeyExistsAsync([.. ids.Select(id => (RedisKey)server.Keys.Status(id).Name)]));

        // Another server (empty L1) reads the same page from Redis alone: one MGET, no query.
        await using var other = await CacheHarness.StartAsync(redis.ConnectionString, server.Keys.Prefix);
        var second = await other.Cache.GetOrLoadManyAsync(ids, other.Keys.Status, source.LoadManyAsync, Token);

        Assert.Equal(50, second.Count);
        Assert.Equal(1, source.BatchLoads);
        Assert.Equal(before + 2, await MgetCallsAsync());
        Assert.Equal(PresenceStatus.In, second[2].Presence);
    }

    [Fact]
    public async Task IdenticalPagesReadTogetherAfterTheirStatusesExpiredRunOneQuery()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource();
        var ids = Enumerable.Range(1, 25).ToArray();
        foreach (var id in ids)
        {
            source.Put(id, PresenceStatus.Out);
        }

        var pages = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.Cache.GetOrLoadManyAsync(ids, server.Keys.Status, source.LoadManyAsync, Token)));

        Assert.Equal(1, source.BatchLoads);
        Assert.All(pages, page => Assert.Equal(ids, page.Keys.Order()));
        Assert.All(pages, page => Assert.All(page.Values, status => Assert.Equal(PresenceStatus.Out, status.Presence)));
    }

    [Fact]
    public async Task AnInvalidationRemovesExactlyTheKeysItNames()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.In);
        source.Put(2, PresenceStatus.In);
        await source.ReadAsync(server.Cache, 1, Token);
        await source.ReadAsync(server.Cache, 2, Token);

        await CountingSource.DropStatusAsync(server.Cache, 1);

        Assert.False(await server.Db.KeyExistsAsync(server.Keys.Status(1).Name));
        Assert.True(await server.Db.KeyExistsAsync(server.Keys.Status(2).Name));
        Assert.Null(server.Engine.L1.Peek(server.Keys.Status(1).Name));
        Assert.NotNull(server.Engine.L1.Peek(server.Keys.Status(2).Name));
    }

    [Fact]
    public async Task AnEditOnOneServerEvictsTheOtherServersL1WithinOneSecond()
    {
        await using var serverA = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var serverB = await CacheHarness.StartAsync(redis.ConnectionString, serverA.Keys.Prefix);
        var source = new CountingSource();
        source.Put(5, PresenceStatus.Out);
        await source.ReadAsync(serverA.Cache, 5, Token);
        await source.ReadAsync(serverB.Cache, 5, Token);
        var key = serverA.Keys.Status(5).Name;
        Assert.NotNull(serverB.Engine.L1.Peek(key));
        var evictedOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        serverB.Cache.Invalidated += (_, e) =>
        {
            if (e.Remote && e.Keys.Contains(key))
            {
                evictedOnB.TrySetResult();
            }
        };

        source.Put(5, PresenceStatus.In, "arrived");
        await CountingSource.DropStatusAsync(serverA.Cache, 5);
        await evictedOnB.Task.WaitAsync(TimeSpan.FromSeconds(1), Token);

        Assert.Null(serverB.Engine.L1.Peek(key));
        var seenByB = await source.ReadAsync(serverB.Cache, 5, Token);
        Assert.Equal(PresenceStatus.In, seenByB!.Presence);
    }

    [Fact]
    public async Task ALoadThatReadTheOldRowBeforeAnEditLeavesNoOldValueInRedisOrMemory()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource();
        source.Put(9, PresenceStatus.Out, "old");
        var key = server.Keys.Status(9).Name;

        await source.ReadAcrossAnEditAsync(server.Cache, server.Cache, 9, PresenceStatus.In, "new", Token);

        Assert.False(await server.Db.KeyExistsAsync(key), "the old value was written back to Redis after the invalidation");
        Assert.Null(server.Engine.L1.Peek(key));
        var fresh = await source.ReadAsync(server.Cache, 9, Token);
        Assert.Equal("new", fresh!.Note);
        Assert.Contains("new", (string?)await server.Db.StringGetAsync(key), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherServersOldLoadIsRefusedByTheVersionCheckInRedis()
    {
        await using var serverA = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var serverB = await CacheHarness.StartAsync(redis.ConnectionString, serverA.Keys.Prefix);
        var source = new CountingSource();
        source.Put(11, PresenceStatus.Out, "old");
        var key = serverA.Keys.Status(11).Name;

        await source.ReadAcrossAnEditAsync(serverB.Cache, serverA.Cache, 11, PresenceStatus.In, "new", Token);

        Assert.False(await serverB.Db.KeyExistsAsync(key));
        Assert.Null(serverB.Engine.L1.Peek(key));
    }

    private async Task<long> MgetCallsAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        // Commands a Lua script runs are counted in commandstats like any other.
        var info = (string)(await admin.GetDatabase().ExecuteAsync("INFO", "commandstats"))!;
        var line = info.Split('\n').FirstOrDefault(l => l.StartsWith("cmdstat_mget:", StringComparison.Ordinal));
        if (line is null)
        {
            return 0;
        }

        var calls = line["cmdstat_mget:calls=".Length..].Split(',')[0];
        return long.Parse(calls, System.Globalization.CultureInfo.InvariantCulture);
    }
}
