using EmployeeDirectory.Core.Caching.Operations;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>The admin console's view of the cache, against a real Redis holding thousands of keys.</summary>
public sealed class CacheInspectorTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScanPagesVisitEveryKeyOnceWithTtlsWithinASecondOfPttl()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var inspector = server.Operator;
        await FillAsync(server, employees: 3000);

        var seen = new Dictionary<string, CacheEntryInfo>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await inspector.ListRedisAsync(new CacheEntryQuery(Cursor: cursor, PageSize: 200), Token)).Value;
            foreach (var entry in page.Entries)
            {
                Assert.True(seen.TryAdd(entry.Key, entry), $"{entry.Key} listed twice");
            }

            Assert.True(page.TotalKeys >= 6000);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(6000, seen.Count);
        Assert.True(pages > 10, $"only {pages} pages for 6000 keys");
        foreach (var key in seen.Keys.Take(50))
        {
            var pttl = await server.Db.KeyTimeToLiveAsync(key);
            Assert.InRange((seen[key].L2Remaining!.Value - pttl!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }

        var status = seen.Values.First(e => e.Policy == DirectoryCacheContract.Status);
        Assert.InRange(status.L2Remaining!.Value.TotalSeconds, 40, 66);
        Assert.True(status.SizeBytes > 10);
    }

    [Fact]
    public async Task FiltersByPatternAndPolicy()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var inspector = server.Operator;
        await FillAsync(server, employees: 500);

        var statuses = await AllAsync(inspector, new CacheEntryQuery(Policy: DirectoryCacheContract.Status, PageSize: 500));
        var employee12 = await AllAsync(inspector, new CacheEntryQuery(Pattern: "employee:12:*"));
        var containing = await AllAsync(inspector, new CacheEntryQuery(Pattern: ":499:"));

        Assert.Equal(500, statuses.Count);
        Assert.All(statuses, e => Assert.EndsWith(":status", e.Key, StringComparison.Ordinal));
        Assert.Equal([server.Keys.Profile(12).Name, server.Keys.Status(12).Name], employee12.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, containing.Count);
    }

    [Fact]
    public async Task TheLocalViewShowsThisServersCopiesAndWhetherRedisHasThemToo()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var inspector = server.Operator;
        var source = new CountingSource();
        source.Put(1, PresenceStatus.In);
        source.Put(2, PresenceStatus.Out);
        await source.ReadAsync(server.Cache, 1, Token);
        await source.ReadAsync(server.Cache, 2, Token);
        await server.Db.KeyDeleteAsync(server.Keys.Status(2).Name);

        var local = await inspector.ListLocalAsync(new CacheEntryQuery(), Token);

        Assert.Equal(2, local.Entries.Count);
        Assert.Equal(CacheEntryTiers.Both, local.Entries.Single(e => e.Key == server.Keys.Status(1).Name).Tiers);
        Assert.Equal(CacheEntryTiers.L1, local.Entries.Single(e => e.Key == server.Keys.Status(2).Name).Tiers);
        Assert.All(local.Entries, e => Assert.InRange(e.L1Remaining!.Value.TotalSeconds, 0.1, 10));
    }

    [Fact]
    public async Task EvictingAKeyRemovesItFromRedisAndEveryServersMemory()
    {
        await using var serverA = await CacheHarness.StartAsync(redis.ConnectionString);
        await using var serverB = await CacheHarness.StartAsync(redis.ConnectionString, serverA.Keys.Prefix);
        var source = new CountingSource();
        source.Put(3, PresenceStatus.In);
        await source.ReadAsync(serverA.Cache, 3, Token);
        await source.ReadAsync(serverB.Cache, 3, Token);
        var key = serverA.Keys.Status(3).Name;

        await serverA.Operator.EvictAsync(key);

        Assert.False(await serverA.Db.KeyExistsAsync(key));
        Assert.Null(serverA.Engine.L1.Peek(key));
        await Eventually.HoldsAsync(() => serverB.Engine.L1.Peek(key) is null, $"server B to evict {key}");
        Assert.Equal(1, serverA.Engine.Statistics.Evictions(DirectoryCacheContract.Status));
        Assert.Equal(0, serverA.Engine.Statistics.Evictions(DirectoryCacheContract.Profile));
    }

    [Fact]
    public async Task ClearingAPolicyRemovesItsKeysAndLeavesTheOtherPolicyAlone()
    {
        await using var server = await CacheHarness.StartAsync(redis.ConnectionString);
        var inspector = server.Operator;
        await FillAsync(server, employees: 1200);

        var removed = await inspector.ClearPolicyAsync(DirectoryCacheContract.Status, Token);

        Assert.True(removed.Succeeded, removed.Problem);
        Assert.Equal(1200, removed.Value);
        Assert.Equal(1200, server.Engine.Statistics.Evictions(DirectoryCacheContract.Status));
        Assert.Empty(await AllAsync(inspector, new CacheEntryQuery(Policy: DirectoryCacheContract.Status)));
        Assert.Equal(1200, (await AllAsync(inspector, new CacheEntryQuery(Policy: DirectoryCacheContract.Profile, PageSize: 500))).Count);
    }

    private static async Task<List<CacheEntryInfo>> AllAsync(ICacheOperator inspector, CacheEntryQuery query)
    {
        var all = new List<CacheEntryInfo>();
        var next = query;
        while (true)
        {
            var listed = await inspector.ListRedisAsync(next, Token);
            Assert.True(listed.Succeeded, listed.Problem);
            var page = listed.Value;
            all.AddRange(page.Entries);
            if (page.NextCursor is null)
            {
                return all;
            }

            next = next with { Cursor = page.NextCursor };
        }
    }

    /// <summary>Writes a profile and a status key per employee, with their policies' TTLs, the way the cache does.</summary>
    private static async Task FillAsync(CacheHarness server, int employees)
    {
        var batch = server.Db.CreateBatch();
        var writes = new List<Task>();
        for (var id = 1; id <= employees; id++)
        {
            writes.Add(batch.StringSetAsync(server.Keys.Profile(id).Name, $$"""{"id":{{id}},"displayName":"Employee {{id}}"}""", TimeSpan.FromHours(24)));
            writes.Add(batch.StringSetAsync(server.Keys.Status(id).Name, $$"""{"employeeId":{{id}},"presence":"In"}""", TimeSpan.FromSeconds(60)));
        }

        batch.Execute();
        await Task.WhenAll(writes);
    }
}
