using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;
using Microsoft.Extensions.Time.Testing;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>The embedded default: no Redis configured, L1 alone serves.</summary>
public sealed class FieldCacheMemoryOnlyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHitIsServedFromMemoryWithoutLoadingAgain()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var source = new CountingSource();
        source.Put(1, PresenceStatus.In);

        await source.ReadAsync(server.Cache, 1, Token);
        var again = await source.ReadAsync(server.Cache, 1, Token);

        Assert.Equal(1, source.Loads);
        Assert.Equal(PresenceStatus.In, again!.Presence);
        Assert.Equal(1, server.Engine.Statistics.Hits(CacheTier.L1, DirectoryCacheContract.Status));
        Assert.Equal(1, server.Engine.Statistics.Misses(CacheTier.L1, DirectoryCacheContract.Status));
        Assert.Equal(1, server.Engine.Statistics.Loads(DirectoryCacheContract.Status));
    }

    [Fact]
    public async Task HundredConcurrentMissesOfOneKeyRunTheLoaderOnce()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var source = new CountingSource { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        source.Put(4, PresenceStatus.Out);

        var reads = Enumerable.Range(0, 100).Select(_ => source.ReadAsync(server.Cache, 4, Token).AsTask()).ToArray();
        await source.LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        source.Gate.SetResult();
        await Task.WhenAll(reads);

        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task ACallerThatGivesUpDoesNotFailTheOthersWaitingOnTheSameLoad()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var source = new CountingSource { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        source.Put(4, PresenceStatus.In);
        using var impatient = new CancellationTokenSource();

        var first = source.ReadAsync(server.Cache, 4, impatient.Token).AsTask();
        var second = source.ReadAsync(server.Cache, 4, Token).AsTask();
        await source.LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await impatient.CancelAsync();
        source.Gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(PresenceStatus.In, (await second)!.Presence);
    }

    [Fact]
    public async Task ALoadThatReadTheOldRowBeforeAnEditLeavesNoOldValueInMemory()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var source = new CountingSource();
        source.Put(9, PresenceStatus.Out, "old");

        await source.ReadAcrossAnEditAsync(server.Cache, server.Cache, 9, PresenceStatus.In, "new", Token);

        Assert.Null(server.Engine.L1.Peek(server.Keys.Status(9).Name));
        Assert.Equal("new", (await source.ReadAsync(server.Cache, 9, Token))!.Note);
    }

    [Fact]
    public async Task AReaderArrivingAfterAnEditDoesNotJoinALoadStartedBeforeIt()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var source = new CountingSource { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        source.Put(3, PresenceStatus.Out, "old");

        var early = source.ReadAsync(server.Cache, 3, Token).AsTask();
        await source.LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        source.Put(3, PresenceStatus.In, "new");
        await CountingSource.DropStatusAsync(server.Cache, 3);
        source.Gate.SetResult();
        source.Gate = null;
        var late = await source.ReadAsync(server.Cache, 3, Token);
        await early;

        Assert.Equal("new", late!.Note);
    }

    [Fact]
    public async Task WithoutRedisAnEntryLivesThePolicyTtlAndThenReloads()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null, timeProvider: clock);
        var source = new CountingSource();
        source.Put(2, PresenceStatus.In);
        var policy = server.Policies[DirectoryCacheContract.Status];

        await source.ReadAsync(server.Cache, 2, Token);
        clock.Advance(policy.Ttl * (1 - policy.Jitter) - TimeSpan.FromSeconds(1));
        await source.ReadAsync(server.Cache, 2, Token);
        Assert.Equal(1, source.Loads);

        clock.Advance(policy.Ttl * (2 * policy.Jitter) + TimeSpan.FromSeconds(2));
        await source.ReadAsync(server.Cache, 2, Token);
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public async Task ANullLoadIsReturnedAndNotCached()
    {
        await using var server = await CacheHarness.StartAsync(redisConnectionString: null);
        var source = new CountingSource();

        Assert.Null(await source.ReadAsync(server.Cache, 404, Token));
        Assert.Null(await source.ReadAsync(server.Cache, 404, Token));
        Assert.Equal(2, source.Loads);
    }
}
