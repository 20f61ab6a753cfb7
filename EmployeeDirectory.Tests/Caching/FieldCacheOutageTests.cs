using EmployeeDirectory.Core.Caching;
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
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, configure: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await source.ReadAsync(server.Cache, 1, Token);

        await _redis.StopAsync(Token);
        source.Put(1, PresenceStatus.In, "written during the outage");
        await server.Cache.InvalidateAsync([server.Keys.Status(1).Name]);
        for (var i = 0; i < 5; i++)
        {
            var during = await source.ReadAsync(server.Cache, 1, Token);
            Assert.Equal("written during the outage", during!.Note);
        }

        await _redis.StartAsync(Token);
        await WaitUntilAsync(() => server.Redis!.IsConnected);
        source.Put(1, PresenceStatus.Out, "after");
        await WaitUntilAsync(async () =>
        {
            await server.Cache.InvalidateAsync([server.Keys.Status(1).Name]);
            await source.ReadAsync(server.Cache, 1, Token);
            return await server.Db.KeyExistsAsync(server.Keys.Status(1).Name);
        });

        Assert.Contains("after", (string?)await server.Db.StringGetAsync(server.Keys.Status(1).Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutageIsLoggedOnceHoweverManyRequestsFailDuringIt()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, configure: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);

        await _redis.StopAsync(Token);
        for (var i = 0; i < 20; i++)
        {
            await server.Cache.InvalidateAsync([server.Keys.Status(1).Name]);
            await source.ReadAsync(server.Cache, 1, Token);
        }

        Assert.Equal(1, server.Logs.Count(RedisUnavailableEvent));
        Assert.True(server.Cache.IsRedisDegraded);
    }

    [Fact]
    public async Task AnIdleServerFindsRedisBackThroughAProbeWithoutWaitingForARequest()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, configure: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await _redis.StopAsync(Token);
        for (var i = 0; i < 5; i++)
        {
            await source.ReadAsync(server.Cache, 1, Token);
        }

        Assert.True(server.Cache.IsRedisDegraded);
        Assert.False(await server.Cache.ProbeRedisAsync());

        await _redis.StartAsync(Token);
        await WaitUntilAsync(() => server.Cache.ProbeRedisAsync());

        Assert.False(server.Cache.IsRedisDegraded);
    }

    [Fact]
    public async Task AReconnectClearsL1BecauseMessagesMayHaveBeenMissed()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, configure: FastBreaker);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out);
        await source.ReadAsync(server.Cache, 1, Token);
        Assert.NotNull(server.Cache.L1.Peek(server.Keys.Status(1).Name));
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

        Assert.Equal(0, server.Cache.L1.Count);
    }

    [Fact]
    public async Task AStalledRedisOpensTheBreakerAndDeletesOwedToItAreFlushedBeforeItIsReadAgain()
    {
        await using var server = await CacheHarness.StartAsync(_redis.ConnectionString, configure: FastBreaker);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
        var source = new CountingSource();
        source.Put(1, PresenceStatus.Out, "old");
        await source.ReadAsync(server.Cache, 1, Token);
        var key = server.Keys.Status(1).Name;
        server.Cache.L1.Remove(key);

        // Redis keeps its data but answers nobody for two seconds: the delete cannot reach it.
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "2000", "ALL");
        source.Put(1, PresenceStatus.In, "new");
        await server.Cache.InvalidateAsync([key]);
        var during = await source.ReadAsync(server.Cache, 1, Token);
        Assert.Equal("new", during!.Note);

        await Task.Delay(TimeSpan.FromSeconds(2.5), Token);
        server.Cache.L1.Remove(key);
        await WaitUntilAsync(async () =>
        {
            server.Cache.L1.Remove(key);
            var after = await source.ReadAsync(server.Cache, 1, Token);
            Assert.Equal("new", after!.Note);
            return !server.Cache.IsRedisDegraded;
        });

        var inRedis = (string?)await admin.GetDatabase().StringGetAsync(key);
        Assert.True(inRedis is null || inRedis.Contains("new", StringComparison.Ordinal), $"Redis still holds the old value: {inRedis}");
    }

    private static void FastBreaker(CacheOptions options)
    {
        options.RedisTimeout = TimeSpan.FromMilliseconds(200);
        options.BreakerOpenDuration = TimeSpan.FromMilliseconds(300);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(100, Token);
        }
    }
}
