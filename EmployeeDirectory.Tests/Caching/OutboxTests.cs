using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// The invalidation outbox with a real redis-server and two servers sharing one SQLite file: every write commits
/// its intent with the row, the intent is marked sent once it reached Redis, and an intent a crashed server never
/// sent is sent by another server's sweep, so no stale copy outlives the crash.
/// </summary>
public sealed class OutboxTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastSweep = new() { ["Cache:OutboxSweepInterval"] = "00:00:00.2" };

    private readonly string _prefix = $"o{Guid.NewGuid():N}"[..10] + ":";
    private TestDatabase _database = null!;
    private DirectoryServicesHost _a = null!;
    private DirectoryServicesHost _b = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 20, cancellationToken: Token);
        _a = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix, FastSweep);
        _b = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix, FastSweep);
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AWriteCommitsItsIntentWithTheRowAndTheIntentIsMarkedSentOnceItReachedRedis()
    {
        var newestBefore = await NewestIntentIdAsync();

        var result = await _a.Presence.SetPresenceAsync(3, new PresenceUpdate(PresenceStatus.In, "outbox"), TestActors.Admin(), Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        var record = await _database.QueryAsync(db => db.CacheIntents.AsNoTracking().SingleAsync(i => i.Id > newestBefore, Token));
        var intent = DirectoryOutbox.ToIntent(record);
        Assert.Equal(DirectoryCacheContract.PresenceChanged(result.Value!).Drops, intent.Invalidation.Drops);
        Assert.Equal(result.Value, DirectoryCacheContract.EmployeeStatus.SuccessorOf(intent.Invalidation.Drops[0]));
        Assert.Equal(result.Value!.Stamp, Assert.Single(intent.Invalidation.Patches).Member.Version);
        await Eventually.HoldsAsync(
            async () => await _database.QueryAsync(db => db.CacheIntents.AnyAsync(i => i.Id == record.Id && i.SentAtMs != null, Token)),
            "the intent to be marked sent");
    }

    [Fact]
    public async Task AnIntentAServerCommittedButNeverSentIsSentByAnotherServersSweep()
    {
        const int Id = 5;
        var cached = await _b.Directory.GetEmployeeAsync(Id, Token);
        var key = _b.Keys.Status(Id).Name;
        await using var redisClient = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await redisClient.GetDatabase().KeyExistsAsync(key), "the status was not cached in Redis to begin with");

        // A server commits a write with its intent, then dies before sending it: nothing told Redis or the servers.
        var flipped = cached!.Status.Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
        var query = new DirectoryQuery { Status = flipped, PageSize = DirectoryQuery.MaxPageSize };
        Assert.DoesNotContain(Id, (await _b.Directory.SearchAsync(query, Token)).Value!.Items.Select(item => item.Id));
        var intentId = await CommitWithoutSendingAsync(Id, cached.Status.Stamp + 1, flipped, "left by a crashed server");

        var read = await Eventually.ReturnsAsync(
            () => _b.Directory.GetEmployeeAsync(Id, Token),
            employee => employee?.Status.Note == "left by a crashed server",
            "server B to read the change the crashed server never announced",
            describe: employee => employee?.Status);
        Assert.Equal(flipped, read!.Status.Presence);
        Assert.Contains(Id, (await _b.Directory.SearchAsync(query, Token)).Value!.Items.Select(item => item.Id));
        await Eventually.HoldsAsync(
            async () => await _database.QueryAsync(db => db.CacheIntents.AnyAsync(i => i.Id == intentId && i.SentAtMs != null, Token)),
            "the swept intent to be marked sent");
    }

    private async Task<long> CommitWithoutSendingAsync(int id, long version, PresenceStatus status, string note)
    {
        var outbox = _a.Services.GetRequiredService<DirectoryOutbox>();
        await using var db = await _database.ContextFactory.CreateDbContextAsync(Token);
        await using var transaction = await db.Database.BeginTransactionAsync(Token);
        await db.Employees.Where(e => e.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.Presence, status).SetProperty(e => e.PresenceNote, note).SetProperty(e => e.PresenceVersion, version),
            Token);
        var record = outbox.Record(db, DirectoryCacheContract.PresenceChanged(id, version, status));
        await db.SaveChangesAsync(Token);
        await transaction.CommitAsync(Token);
        return record.Id;
    }

    private Task<long> NewestIntentIdAsync() =>
        _database.QueryAsync(async db => await db.CacheIntents.MaxAsync(i => (long?)i.Id, Token) ?? 0);
}
