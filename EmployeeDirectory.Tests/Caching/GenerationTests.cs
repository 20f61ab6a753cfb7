using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// Cache generations with a real redis-server and two servers sharing one SQLite file: a database restored to
/// before writes Redis already saw is detected (Redis's high-water intent is ahead of the outbox), and every
/// server moves to a new generation, so what Redis and the L1s hold of the lost writes is never read again.
/// </summary>
public sealed class GenerationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastSweep = new() { ["Cache:OutboxSweepInterval"] = "00:00:00.2" };

    private readonly string _prefix = $"g{Guid.NewGuid():N}"[..10] + ":";
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
    public async Task ADatabaseRestoredToBeforeWritesRedisSawMovesEveryServerToANewGenerationAndServesTheRestoredRow()
    {
        const int Id = 7;
        var backedUp = (await _b.Directory.GetEmployeeAsync(Id, Token))!.Status;
        var newestBackedUpIntent = await _database.QueryAsync(async db => await db.CacheIntents.MaxAsync(i => (long?)i.Id, Token) ?? 0);
        var generation = _a.Keys.Generation;
        var flipped = backedUp.Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
        var write = await _a.Presence.SetPresenceAsync(Id, new PresenceUpdate(flipped, "written after the backup"), TestActors.Admin(), Token);
        Assert.Equal(ServiceOutcome.Ok, write.Outcome);
        await Eventually.ReturnsAsync(
            () => _b.Directory.GetEmployeeAsync(Id, Token),
            employee => employee?.Status.Note == "written after the backup",
            "server B to cache the write made after the backup");

        await RestoreAsync(Id, backedUp, newestBackedUpIntent);

        await Eventually.HoldsAsync(
            () => _a.Keys.Generation > generation && _b.Keys.Generation == _a.Keys.Generation,
            "both servers to move to a new generation",
            lastSeen: () => (_a.Keys.Generation, _b.Keys.Generation));
        var stored = await _database.QueryAsync(db => db.CacheGenerations.AsNoTracking().Select(g => g.Generation).SingleAsync(Token));
        Assert.Equal(_a.Keys.Generation, stored);
        foreach (var server in new[] { _a, _b })
        {
            var status = (await server.Directory.GetEmployeeAsync(Id, Token))!.Status;
            Assert.Equal((backedUp.Presence, backedUp.Note, backedUp.Stamp), (status.Presence, status.Note, status.Stamp));
            var filtered = await server.Directory.SearchAsync(new DirectoryQuery { Status = flipped, PageSize = DirectoryQuery.MaxPageSize }, Token);
            Assert.DoesNotContain(Id, filtered.Value!.Items.Select(item => item.Id));
        }
    }

    /// <summary>Puts the employee's status and the outbox back as a backup taken before the write held them.</summary>
    private async Task RestoreAsync(int id, EmployeeStatus backedUp, long newestBackedUpIntent)
    {
        await using var db = await _database.ContextFactory.CreateDbContextAsync(Token);
        await db.Employees.Where(e => e.Id == id).ExecuteUpdateAsync(
            set => set
                .SetProperty(e => e.Presence, backedUp.Presence)
                .SetProperty(e => e.PresenceNote, backedUp.Note)
                .SetProperty(e => e.PresenceUntil, backedUp.Until)
                .SetProperty(e => e.PresenceChangedAt, backedUp.ChangedAt)
                .SetProperty(e => e.PresenceChangedBy, backedUp.ChangedBy)
                .SetProperty(e => e.PresenceVersion, backedUp.Stamp),
            Token);
        await db.CacheIntents.Where(i => i.Id > newestBackedUpIntent).ExecuteDeleteAsync(Token);
    }
}
