using System.Diagnostics;
using System.Net.Http.Json;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Faults;

public sealed partial class ClusterFaultTests
{
    private static readonly TimeSpan LongPause = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan ReproductionPause = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Redis stops taking writes (CLIENT PAUSE ... WRITE: reads still answer) while web-a saves a profile and a
    /// status; web-a is killed with SIGKILL before it could send either invalidation, and started again. Afterwards
    /// nothing anywhere holds what the edits replaced: not Redis (value keys and aggregates), not either server's
    /// L1 (reads and searches through each). web-b's reads of the renamed employee are watched throughout.
    /// </summary>
    [Fact]
    public async Task EditsSavedWhileRedisIsPausedByAServerThenKilledLeaveNoStaleValueInRedisOrOnEitherServerOnceItIsBack()
    {
        var ids = await cluster.EmployeeIdsAsync(8);
        var (profileId, statusId) = (ids[5], ids[6]);
        var before = await WarmAsync(profileId, A, B);
        var status = (await WarmAsync(statusId, A, B)).Presence;
        var redis = new RedisContents(cluster.RedisDb, await cluster.KeysAsync());
        Assert.Equal(before.DisplayName, (await redis.ProfileAsync(profileId))?.DisplayName);
        var lastIntent = await cluster.LastIntentIdAsync();

        var watch = EmployeeWatch.Start(B, profileId);
        await cluster.PauseRedisWritesAsync(LongPause);
        var paused = Stopwatch.StartNew();
        Moment("Redis writes paused");
        var renamed = await SaveRenamedAsync(A, before);
        var flipped = await SetPresenceAsync(A, statusId, status.Status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In, status.Stamp);
        var acknowledged = Stopwatch.GetTimestamp();
        await cluster.A.KillAsync();
        Moment($"web-a killed {paused.Elapsed.TotalSeconds:0.0} s into the pause");
        Assert.True(paused.Elapsed < LongPause, $"The edits took {paused.Elapsed.TotalSeconds:0.0} s: web-a was killed after the pause, so the scenario did not happen.");

        // As in the issue's reproduction: neither invalidation reached Redis, which still holds the old name.
        Assert.Equal(2, await cluster.UnsentIntentsAfterAsync(lastIntent));
        Assert.Equal(before.DisplayName, (await redis.ProfileAsync(profileId))?.DisplayName);

        await cluster.WaitForRedisWritesAsync();
        Moment("Redis takes writes again");
        var restarting = Stopwatch.StartNew();
        await cluster.A.StartAsync(TestContext.Current.CancellationToken);
        var restart = restarting.Elapsed;
        var restarted = Stopwatch.GetTimestamp();
        Moment("web-a answers again");

        var stale = new List<string>();
        var requests = 0;
        foreach (var (name, client) in new[] { ("web-a", A), ("web-b", B) })
        {
            var profile = await FaultCluster.EmployeeAsync(client, profileId);
            var presence = (await FaultCluster.EmployeeAsync(client, statusId)).Presence;
            var foundByNewName = await SearchAsync(client, renamed.FamilyName);
            // The old family name is still in the (unchanged) email address, so the row may be found; never with the old name.
            var foundByOldName = await SearchAsync(client, before.FamilyName);
            requests += 4;
            Expect(stale, profile.DisplayName == renamed.DisplayName, $"{name} shows the name {profile.DisplayName}");
            Expect(stale, presence.Stamp == flipped.Stamp, $"{name} shows status stamp {presence.Stamp}, not {flipped.Stamp}");
            Expect(stale, foundByNewName.Any(row => row.Id == profileId), $"{name}'s search for {renamed.FamilyName} misses employee {profileId}");
            Expect(stale, !foundByOldName.Any(row => row.Id == profileId && row.DisplayName == before.DisplayName), $"{name}'s search for {before.FamilyName} shows the old name");
        }

        var cachedName = (await redis.ProfileAsync(profileId))?.DisplayName;
        Expect(stale, cachedName is null || cachedName == renamed.DisplayName, $"Redis holds the profile with the name {cachedName}");
        Expect(stale, (await redis.RosterMemberAsync(profileId))?.Contains(before.FamilyName, StringComparison.Ordinal) != true, "Redis's roster holds the old name");
        stale.AddRange(await redis.StalePresenceAsync(statusId, flipped.Stamp));

        var reads = await watch.StopAsync();
        var oldAfterSave = reads.Where(read => read.SentAt > acknowledged && read.DisplayName == before.DisplayName).ToList();
        var staleAfterRestart = oldAfterSave.Count(read => read.SentAt > restarted);
        var stored = await cluster.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == profileId || e.Id == statusId)
            .ToDictionaryAsync(e => e.Id, e => (e.DisplayName, e.PresenceVersion), TestContext.Current.CancellationToken));
        var lostWrites = (stored[profileId].DisplayName == renamed.DisplayName ? 0 : 1) + (stored[statusId].PresenceVersion == flipped.Stamp ? 0 : 1);
        var lastOld = oldAfterSave.Count == 0 ? "never" : $"last {Stopwatch.GetElapsedTime(acknowledged, oldAfterSave[^1].SentAt).TotalSeconds:0.0} s after the save";
        new FaultFigures(
            "Redis writes paused, writer killed", reads.Count + requests + 2, watch.Failures, lostWrites, staleAfterRestart + stale.Count, restart,
            "from starting the killed server again until it answers ready, every owed invalidation sent",
            $"reads on web-b of the old name after the save was acknowledged, before web-a was back: {oldAfterSave.Count - staleAfterRestart} ({lastOld})").Print();

        Assert.Equal(0, watch.Failures);
        Assert.Equal(0, lostWrites);
        Assert.True(stale.Count == 0, $"Stale after the restart:{Environment.NewLine}{Describe(stale)}");
        Assert.Equal(0, staleAfterRestart);
    }

    /// <summary>
    /// The issue's reproduction, with one server: CLIENT PAUSE 2000 WRITE, save a profile, kill -9 the app, start it
    /// again. The old name does not come back: the server sends what its outbox holds unsent before it serves.
    /// </summary>
    [Fact]
    public async Task TheIssuesReproductionOnOneServerPauseSaveKillRestartDoesNotBringTheOldNameBack()
    {
        await cluster.B.StopAsync();
        var id = (await cluster.EmployeeIdsAsync(10))[8];
        var before = await WarmAsync(id, A);
        var redis = new RedisContents(cluster.RedisDb, await cluster.KeysAsync());
        Assert.Equal(before.DisplayName, (await redis.ProfileAsync(id))?.DisplayName);
        var lastIntent = await cluster.LastIntentIdAsync();

        // The issue paused for 2 s; a little longer here, so that a slow save on a busy machine still ends within it.
        await cluster.PauseRedisWritesAsync(ReproductionPause);
        var paused = Stopwatch.StartNew();
        var renamed = await SaveRenamedAsync(A, before);
        await cluster.A.KillAsync();
        Assert.True(paused.Elapsed < ReproductionPause, $"The save took {paused.Elapsed.TotalSeconds:0.0} s: web-a was killed after the pause, so the scenario did not happen.");
        Assert.Equal(1, await cluster.UnsentIntentsAfterAsync(lastIntent));
        await cluster.WaitForRedisWritesAsync();
        var restarting = Stopwatch.StartNew();
        await cluster.A.StartAsync(TestContext.Current.CancellationToken);
        var restart = restarting.Elapsed;

        var read = await FaultCluster.EmployeeAsync(A, id);
        var foundByNewName = await SearchAsync(A, renamed.FamilyName);
        var foundByOldName = await SearchAsync(A, before.FamilyName);
        var cached = (await redis.ProfileAsync(id))?.DisplayName;
        var stale = new[] { read.DisplayName != renamed.DisplayName, !foundByNewName.Any(row => row.Id == id && row.DisplayName == renamed.DisplayName), foundByOldName.Any(row => row.DisplayName == before.DisplayName), cached == before.DisplayName }.Count(old => old);
        var lost = await cluster.QueryDatabaseAsync(db => db.Employees.CountAsync(e => e.Id == id && e.DisplayName != renamed.DisplayName, TestContext.Current.CancellationToken));
        // Six requests: two to warm, the save, three reads after; any that failed would have failed the test already.
        new FaultFigures(
            "the issue's reproduction (one server: pause, save, SIGKILL, restart)", 6, 0, lost, stale, restart,
            "from starting the killed server again until it answers ready, every owed invalidation sent").Print();

        Assert.Equal(0, lost);
        Assert.Equal(renamed.DisplayName, read.DisplayName);
        Assert.Contains(foundByNewName, row => row.Id == id && row.DisplayName == renamed.DisplayName);
        Assert.DoesNotContain(foundByOldName, row => row.DisplayName == before.DisplayName);
        Assert.NotEqual(before.DisplayName, cached);
        Assert.Equal(0, await cluster.UnsentIntentsAfterAsync(lastIntent));
    }

    /// <summary>Reads the employee through every server given (so each holds it in L1, and Redis does too) and searches for them (the roster too).</summary>
    private static async Task<EmployeeResponse> WarmAsync(int id, params HttpClient[] servers)
    {
        EmployeeResponse? employee = null;
        foreach (var server in servers)
        {
            employee = await FaultCluster.EmployeeAsync(server, id);
            Assert.Contains(await SearchAsync(server, employee.FamilyName), row => row.Id == id);
        }

        return employee!;
    }

    private static async Task<EmployeeResponse> SaveRenamedAsync(HttpClient server, EmployeeResponse before)
    {
        var request = new ProfileRequest(
            "Renamed", "Afterthepause", null, before.Title, before.Department, before.Email, before.Phone, before.Location, before.ConcurrencyStamp.ToString());
        using var response = await ApiJson.PutAsync(server, $"api/employees/{before.Id}", request);
        return await ApiJson.ReadAsync<EmployeeResponse>(response);
    }

    private static async Task<PresenceResponse> SetPresenceAsync(HttpClient server, int id, PresenceStatus status, long expectedStamp)
    {
        using var response = await ApiJson.PutAsync(server, $"api/employees/{id}/presence", new PresenceRequest(status.ToString(), "while Redis was paused", ExpectedStamp: expectedStamp));
        return await ApiJson.ReadAsync<PresenceResponse>(response);
    }

    private static async Task<IReadOnlyList<EmployeeListItem>> SearchAsync(HttpClient server, string text)
    {
        var page = await server.GetFromJsonAsync<EmployeePageResponse>($"api/employees?q={Uri.EscapeDataString(text)}&pageSize=100", ApiJson.Options, TestContext.Current.CancellationToken);
        return page!.Items;
    }

    private static void Expect(List<string> failures, bool holds, string otherwise)
    {
        if (!holds)
        {
            failures.Add(otherwise);
        }
    }
}
