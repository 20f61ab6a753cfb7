using System.Diagnostics;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Faults;

public sealed partial class ClusterFaultTests
{
    private const int WrittenEmployees = 4;
    private const int ReadersPerServer = 3;

    /// <summary>
    /// Writers and readers on both servers; redis-server is killed under them and started again (empty, as a
    /// restarted Redis without persistence is). No request fails, every acknowledged write is in the database,
    /// no read on either server returns a status older than one already acknowledged, Redis holds nothing older
    /// afterwards, and both servers are back on Redis within 5 s of it answering again.
    /// </summary>
    [Fact]
    public async Task KillingRedisUnderLoadFailsNoRequestLosesNoWriteServesNoStaleReadAndBothServersAreBackOnRedisWithinFiveSeconds()
    {
        var ids = await cluster.EmployeeIdsAsync(WrittenEmployees);
        var load = await PresenceLoad.StartAsync([("web-a", A), ("web-b", B)], ids, ReadersPerServer, cluster.StoredStampAsync);
        TimeSpan recovery, outage;
        try
        {
            await Eventually.HoldsAsync(() => load.ProgressedSince(load.Start, writes: 3, reads: 30), "the load to get going with Redis up");

            var killed = Stopwatch.StartNew();
            var beforeTheKill = load.Progress();
            await cluster.Redis.StopAsync(TestContext.Current.CancellationToken);
            Moment($"Redis killed after {load.Requests} requests");
            // The outage is felt: both servers' breakers open, and the load carries on meanwhile.
            await Eventually.HoldsAsync(
                async () => (await FaultCluster.RedisCheckAsync(A))?.Data.GetValueOrDefault("circuitBreaker") == "open"
                    && (await FaultCluster.RedisCheckAsync(B))?.Data.GetValueOrDefault("circuitBreaker") == "open",
                "both servers to open their Redis circuit breakers");
            Moment("both servers' breakers open");
            await Eventually.HoldsAsync(() => load.ProgressedSince(beforeTheKill, writes: 5, reads: 50), "the load to carry on without Redis");

            await cluster.Redis.StartAsync(TestContext.Current.CancellationToken);
            outage = killed.Elapsed;
            Moment($"Redis answers again, after {load.Requests} requests");
            var back = Stopwatch.StartNew();
            await Eventually.HoldsAsync(
                async () => await FaultCluster.UsesRedisAsync(A) && await FaultCluster.UsesRedisAsync(B),
                "both servers to be back on Redis",
                TimeSpan.FromSeconds(30));
            recovery = back.Elapsed;
            Moment("both servers back on Redis");

            var recovered = load.Progress();
            await Eventually.HoldsAsync(() => load.ProgressedSince(recovered, writes: 5, reads: 50), "the load to carry on after Redis returned");
        }
        finally
        {
            await load.StopAsync();
        }

        // Every server answers with what the last acknowledged write saved: reads after the load count too.
        foreach (var (name, client) in new[] { ("web-a", A), ("web-b", B) })
        {
            foreach (var id in ids)
            {
                var floor = load.Ledger.FloorOf(id);
                load.Ledger.Check(name, id, floor, (await FaultCluster.EmployeeAsync(client, id)).Presence.Stamp);
            }
        }

        var stored = await cluster.QueryDatabaseAsync(db => db.Employees.Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => (Stamp: e.PresenceVersion, Note: e.PresenceNote), TestContext.Current.CancellationToken));
        var lostWrites = ids.Sum(id => LostWrites(load.LastWrites[id], stored[id]));
        var redis = new RedisContents(cluster.RedisDb, await cluster.KeysAsync());
        var staleInRedis = new List<string>();
        foreach (var id in ids)
        {
            staleInRedis.AddRange(await redis.StalePresenceAsync(id, stored[id].Stamp));
        }

        var figures = new FaultFigures(
            "Redis killed under load", load.Requests, load.Failures, lostWrites, load.Ledger.StaleReads, recovery,
            "from Redis answering again until both servers' readiness reports Redis healthy: connected, subscribed, breaker closed, caught up from the outbox",
            $"Redis was down {outage.TotalSeconds:0.0} s; {ids.Count} writers and {2 * ReadersPerServer} readers on two servers");
        figures.Print();

        Assert.True(load.Failures == 0, $"{load.Failures} requests failed:{Environment.NewLine}{Describe(load.FailureSamples)}");
        Assert.Equal(0, lostWrites);
        Assert.True(load.Ledger.StaleReads == 0, $"{load.Ledger.StaleReads} stale reads:{Environment.NewLine}{Describe(load.Ledger.StaleSamples)}{Environment.NewLine}last: {load.Ledger.LastStale}");
        Assert.True(staleInRedis.Count == 0, $"Redis holds stale statuses:{Environment.NewLine}{Describe(staleInRedis)}");
        Assert.True(recovery < TimeSpan.FromSeconds(5), $"Both servers were back on Redis only {recovery.TotalSeconds:0.0} s after it returned.");
    }

    /// <summary>Writes answered with a success that the database does not hold: those after the stamp it has (each write adds one).</summary>
    private static int LostWrites((long Stamp, string Note) lastAcknowledged, (long Stamp, string? Note) stored) =>
        stored.Stamp < lastAcknowledged.Stamp ? (int)(lastAcknowledged.Stamp - stored.Stamp)
        : stored.Note != lastAcknowledged.Note ? 1
        : 0;
}
