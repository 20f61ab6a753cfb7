using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>Redis stopped, restarted or stalled under a running cache. Each test owns its redis-server.</summary>
public sealed class FieldCacheOutageTests : IAsyncLifetime
{
    private const int RedisUnavailableEvent = 1200;
    private readonly RedisServerFixture _redis = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _redis.InitializeAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task ReadsAndWritesKeepWorkingWhileRedisIsDownAndRedisIsUsedAgainAfterItRestarts()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, settings: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await source.ReadAsync(server.Cache, 1, Token);

        await _redis.StopAsync(Token);
        source.Put(1, PresenceStatus.In, "written during the outage");
        await CountingSource.DropStatusAsync(server.Cache, 1);
        for (var i = 0; i < 5; i++)
        {
            var during = await source.ReadAsync(server.Cache, 1, Token);
            Assert.Equal("written during the outage", during!.Note);
        }

        await _redis.StartAsync(Token);
        await Eventually.HoldsAsync(() => server.Engine.Gate.Tier!.Connection.IsConnected, "the cache to reconnect to the restarted Redis");
        source.Put(1, PresenceStatus.Out, "after");
        await Eventually.HoldsAsync(
            async () =>
            {
                await CountingSource.DropStatusAsync(server.Cache, 1);
                await source.ReadAsync(server.Cache, 1, Token);
                return await server.Db.KeyExistsAsync(server.Keys.Status(1).Name);
            },
            "a read after the restart to write its value back to Redis");

        Assert.Contains("after", (string?)await server.Db.StringGetAsync(server.Keys.Status(1).Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutageIsLoggedOnceHoweverManyRequestsFailDuringIt()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, settings: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);

        await _redis.StopAsync(Token);
        for (var i = 0; i < 20; i++)
        {
            await CountingSource.DropStatusAsync(server.Cache, 1);
            await source.ReadAsync(server.Cache, 1, Token);
        }

        Assert.Equal(1, server.Logs.Count(RedisUnavailableEvent));
        Assert.True(server.Engine.IsRedisDegraded);
    }

    [Fact]
    public async Task AnIdleServerFindsRedisBackThroughAProbeWithoutWaitingForARequest()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, settings: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await _redis.StopAsync(Token);
        for (var i = 0; i < 5; i++)
        {
            await source.ReadAsync(server.Cache, 1, Token);
        }

        Assert.True(server.Engine.IsRedisDegraded);
        Assert.False(await server.Engine.ProbeRedisAsync());

        await _redis.StartAsync(Token);
        await Eventually.HoldsAsync(() => server.Engine.ProbeRedisAsync(), "a probe to find Redis back");

        Assert.False(server.Engine.IsRedisDegraded);
    }

    [Fact]
    public async Task AReconnectClearsL1BecauseMessagesMayHaveBeenMissed()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, settings: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await source.ReadAsync(server.Cache, 1, Token);
        Assert.NotNull(server.Engine.L1.Peek(server.Keys.Status(1).Name));
        var cleared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Cache.Invalidated += (_, e) =>
        {
            if (e.Everything)
            {
                cleared.TrySetResult();
            }
        };

        await _redis.StopAsync(Token);
        await _redis.StartAsync(Token);
        await cleared.Task.WaitAsync(TimeSpan.FromSeconds(15), Token);

        Assert.Equal(0, server.Engine.L1.Count);
    }

    [Fact]
    public async Task AStalledRedisOpensTheBreakerAndDeletesOwedToItAreFlushedBeforeItIsReadAgain()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, settings: FastBreaker);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out, "old");
        await source.ReadAsync(server.Cache, 1, Token);
        var key = server.Keys.Status(1).Name;
        server.Engine.L1.Remove(key);

        // Redis keeps its data but answers nobody for two seconds: the delete cannot reach it.
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "2000", "ALL");
        source.Put(1, PresenceStatus.In, "new");
        await CountingSource.DropStatusAsync(server.Cache, 1);
        var during = await source.ReadAsync(server.Cache, 1, Token);
        Assert.Equal("new", during!.Note);

        await Eventually.HoldsAsync(
            async () =>
            {
                server.Engine.L1.Remove(key);
                var after = await source.ReadAsync(server.Cache, 1, Token);
                Assert.Equal("new", after!.Note);
                return !server.Engine.IsRedisDegraded;
            },
            "Redis to answer again after the pause, with every read seeing the new value");

        var inRedis = (string?)await admin.GetDatabase().StringGetAsync(key);
        Assert.True(inRedis is null || inRedis.Contains("new", StringComparison.Ordinal), $"Redis still holds the old value: {inRedis}");
    }

    private static readonly Dictionary<string, string?> FastBreaker = new()
    {
        ["Cache:RedisTimeout"] = "00:00:00.2",
        ["Cache:BreakerOpenDuration"] = "00:00:00.3",
    };
}
