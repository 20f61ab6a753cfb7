using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Internal;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// Aggregates patched rather than dropped, across two servers and a real Redis: an older patch never wins
/// (in Redis and on either server), a patch landing while a server loads is kept, and a lost message is healed
/// by a reload, whether the next message shows the gap or the periodic version check does.
/// </summary>
public sealed class AggregatePatchTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int GapEvent = 1210;
    private const int BehindEvent = 1211;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOlderPatchArrivingAfterANewerOneNeverWinsInRedisOrOnEitherServer()
    {
        await using var a = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var b = await CacheHarness.StartAsync(redis.ConnectionString, a.Keys.Prefix);
        var source = Roster(3);
        await PresenceOf(a, source);
        await PresenceOf(b, source);
        var heardBefore = VersionOf(b).Count;

        // The newer change (version 3) is delivered first; the older one (version 2) arrives late.
        await a.Cache.InvalidateAsync(DirectoryCacheContract.PresenceChanged(2, 3, PresenceStatus.In));
        await a.Cache.InvalidateAsync(DirectoryCacheContract.PresenceChanged(2, 2, PresenceStatus.Out));

        Assert.Equal("3|I", (string?)await a.Db.HashGetAsync(a.Keys.Presence, "2"));
        Assert.Equal(PresenceStatus.In, (await PresenceOf(a, source)).StatusOf(2));
        await Eventually.HoldsAsync(() => VersionOf(b).Count == heardBefore + 2, "server B to hear both patches", lastSeen: () => VersionOf(b));
        Assert.Equal(PresenceStatus.In, (await PresenceOf(b, source)).StatusOf(2));
        Assert.Equal(1, source.Loads);
    }

    /// <summary>
    /// A burst of patches from one server reaches the other in the order Redis published them, so the copy follows
    /// each version to the next and never takes the burst for a gap (which would reload the whole aggregate).
    /// </summary>
    [Fact]
    public async Task ABurstOfPatchesIsHeardInOrderWithoutAGapOrAReload()
    {
        const int Employees = 50;
        const int Patches = 400;
        await using var a = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var b = await CacheHarness.StartAsync(redis.ConnectionString, a.Keys.Prefix);
        var source = Roster(Employees);
        await PresenceOf(a, source);
        await PresenceOf(b, source);
        var heardBefore = VersionOf(b).Count;

        await Task.WhenAll(Enumerable.Range(0, Patches).Select(i => a.Cache.InvalidateAsync(
            DirectoryCacheContract.PresenceChanged(1 + (i % Employees), 2 + (i / Employees), i % 2 == 0 ? PresenceStatus.In : PresenceStatus.Out))));

        await Eventually.HoldsAsync(() => VersionOf(b).Count == heardBefore + Patches, "server B to hear every patch", lastSeen: () => VersionOf(b));
        Assert.Equal(0, b.Logs.Count(GapEvent));
        Assert.Equal(0, a.Logs.Count(GapEvent));
    }

    [Fact]
    public async Task APatchLandingWhileAServerLoadsFromTheSourceIsKeptInRedisAndInItsCopy()
    {
        await using var a = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var b = await CacheHarness.StartAsync(redis.ConnectionString, a.Keys.Prefix);
        var source = Roster(3);
        source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // B reads the source (employee 2 Out at version 1) and stalls; the change to In (version 2) lands meanwhile.
        var loading = PresenceOf(b, source);
        await source.LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await a.Cache.InvalidateAsync(DirectoryCacheContract.PresenceChanged(2, 2, PresenceStatus.In));
        source.Gate.SetResult();
        var loaded = await loading;

        Assert.Equal(PresenceStatus.In, loaded.StatusOf(2));
        Assert.Equal("2|I", (string?)await b.Db.HashGetAsync(b.Keys.Presence, "2"));
        Assert.Equal("1|O", (string?)await b.Db.HashGetAsync(b.Keys.Presence, "1"));
        Assert.Equal((string?)await b.Db.HashGetAsync(b.Keys.VersionsKey, b.Keys.Presence), (string?)await b.Db.HashGetAsync(b.Keys.Presence, "~v"));
    }

    [Fact]
    public async Task AMessageAServerNeverHeardIsHealedByAReloadWhenTheNextOneShowsTheGap()
    {
        await using var a = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var b = await CacheHarness.StartAsync(redis.ConnectionString, a.Keys.Prefix);
        var source = Roster(3);
        await PresenceOf(a, source);
        await PresenceOf(b, source);

        await PatchSilentlyAsync(a, DirectoryCacheContract.PresenceChanged(1, 5, PresenceStatus.In));
        await a.Cache.InvalidateAsync(DirectoryCacheContract.PresenceChanged(3, 5, PresenceStatus.Out));

        var healed = await Eventually.ReturnsAsync(
            () => PresenceOf(b, source),
            presence => presence.StatusOf(1) == PresenceStatus.In && presence.StatusOf(3) == PresenceStatus.Out,
            "server B to reload after the gap and show both changes");
        Assert.Equal(PresenceStatus.Out, healed.StatusOf(2));
        Assert.True(b.Logs.Count(GapEvent) >= 1, "server B did not report the gap");
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task AMessageAServerNeverHeardIsHealedByTheVersionCheckWithinTheL1CapEvenWithoutALaterOne()
    {
        var fastCheck = new Dictionary<string, string?> { ["Cache:Policies:Status:L1Cap"] = "00:00:00.5" };
        await using var a = await CacheHarness.StartAsync(redis.ConnectionString, settings: fastCheck);
        await using var b = await CacheHarness.StartAsync(redis.ConnectionString, a.Keys.Prefix, fastCheck);
        var source = Roster(3);
        await PresenceOf(a, source);
        await PresenceOf(b, source);

        await PatchSilentlyAsync(a, DirectoryCacheContract.PresenceChanged(1, 5, PresenceStatus.In));

        await Eventually.ReturnsAsync(
            () => PresenceOf(b, source),
            presence => presence.StatusOf(1) == PresenceStatus.In,
            "server B's version check to find the patch it missed");
        Assert.True(b.Logs.Count(BehindEvent) >= 1, "server B did not report being behind Redis");
    }

    [Fact]
    public async Task AWriteBackIsRefusedWhenRedisLostTheVersionItWasReadAt()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var source = new CountingSource { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        source.Put(4, PresenceStatus.Out, "old");
        var key = server.Keys.Status(4).Name;

        // The read takes the key's version, then loads; meanwhile Redis loses its version hash (a restart, an eviction).
        var read = source.ReadAsync(server.Cache, 4, Token).AsTask();
        await source.LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await server.Db.KeyDeleteAsync(server.Keys.VersionsKey);
        source.Gate.SetResult();
        Assert.Equal("old", (await read)!.Note);

        Assert.False(await server.Db.KeyExistsAsync(key), "a write-back whose version Redis lost was accepted");
        Assert.Null(server.Engine.L1.Peek(key));
        source.Gate = null;
        await source.ReadAsync(server.Cache, 4, Token);
        Assert.True(await server.Db.KeyExistsAsync(key), "the next read did not write back");
    }

    private static MemberSource Roster(int employees)
    {
        var source = new MemberSource();
        for (var id = 1; id <= employees; id++)
        {
            source.Put(id, 1, id == 3 ? PresenceStatus.In : PresenceStatus.Out);
        }

        return source;
    }

    private static async Task<PresenceRoster> PresenceOf(CacheHarness server, MemberSource source) =>
        await server.Cache.GetAggregateAsync(DirectoryCacheContract.Presence, source.LoadAsync, Token);

    private static AggregateVersion VersionOf(CacheHarness server) =>
        (server.Engine.L1.Peek(server.Keys.Presence)?.Value as AggregateState<PresenceRoster>)?.Version
        ?? throw new InvalidOperationException("The server holds no versioned presence copy.");

    /// <summary>Applies a patch in Redis exactly as a write does, but publishes its message where nobody listens: a lost message.</summary>
    private static async Task PatchSilentlyAsync(CacheHarness server, CacheInvalidation invalidation)
    {
        var silent = new RedisTier(server.Engine.Gate.Tier!.Connection, "nobody-listens-here", () => server.Keys);
        var resolved = ResolvedInvalidation.From(invalidation, server.Keys, server.Policies, intentId: 0);
        await silent.InvalidateAsync(resolved, resolved.ToMessage("test").ToJson());
    }
}
