using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Presence;

/// <summary>
/// Back-at times through the real services, a real SQLite file and a real Redis: the range rule, the cached status
/// living no longer than its end in both tiers, the revert at that moment with no write (pages told, reads right),
/// and one normalising write however many servers try.
/// </summary>
public sealed class BackAtTimeTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly string _prefix = $"b{Guid.NewGuid():N}"[..10] + ":";
    private TestDatabase _database = null!;
    private DirectoryServicesHost _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 30, cancellationToken: Token);
        _server = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(-60, "in the future")]
    [InlineData(0, "in the future")]
    [InlineData((7 * 24 * 3600) + 60, "at most 7 days ahead")]
    public async Task AnEndInThePastOrMoreThanAWeekAheadIsRefusedByTheFieldAndChangesNothing(int secondsAhead, string message)
    {
        var id = await FirstIdAsync();
        var before = await StoredAsync(id);
        var history = await HistoryCountAsync(id);

        var result = await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, null, Until: DateTimeOffset.UtcNow.AddSeconds(secondsAhead)), TestActors.Admin(), Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Contains(message, Assert.Single(result.Errors["until"]), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));
        Assert.Equal(history, await HistoryCountAsync(id));
    }

    [Fact]
    public async Task TheStatusEntryLivesNoLongerThanItsBackAtTimeInRedisAndInMemory()
    {
        var id = await FirstIdAsync();
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        Assert.True((await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "back soon", Until: until), TestActors.Admin(), Token)).IsOk);

        var read = await _server.Directory.GetEmployeeAsync(id, Token);

        Assert.Equal(until.ToUnixTimeMilliseconds(), read!.Status.Until!.Value.ToUnixTimeMilliseconds());
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(_server.Keys.Status(id).Name);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 1, 20);
        var l1 = _server.Engine.L1.Peek(_server.Keys.Status(id).Name);
        Assert.NotNull(l1);
        Assert.True(new DateTimeOffset(l1.ExpiresAtTicks, TimeSpan.Zero) <= until, "the server's own copy outlives the status");
    }

    [Fact]
    public async Task WhenTheBackAtTimePassesReadsRevertAndOpenPagesAreToldWithoutAWrite()
    {
        var id = await FirstIdAsync();
        var announced = new List<StatusChange>();
        var feed = _server.Services.GetRequiredService<IDirectoryChangeFeed>();
        feed.Changed += (_, change) =>
        {
            lock (announced)
            {
                announced.AddRange(change.Statuses);
            }
        };
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        Assert.True((await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "dentist", Until: until), TestActors.Admin(), Token)).IsOk);
        lock (announced)
        {
            announced.Clear();
        }

        Assert.Equal(PresenceStatus.Out, (await _server.Directory.GetEmployeeAsync(id, Token))!.Status.Presence);
        var inOnly = new DirectoryQuery { Status = PresenceStatus.In, PageSize = 100 };
        Assert.DoesNotContain((await _server.Directory.SearchAsync(inOnly, Token)).Value!.Items, row => row.Id == id);

        // The change carries the status as it holds now (reverted), so no open page has to read it.
        await Eventually.HoldsAsync(
            () => { lock (announced) { return announced.Exists(change => change.EmployeeId == id && change.Status is { Presence: PresenceStatus.In, Note: null }); } },
            "the page to be told employee's status reverted to In at the back-at time");
        Assert.True(DateTimeOffset.UtcNow >= until);
        var status = (await _server.Directory.GetEmployeeAsync(id, Token))!.Status;
        Assert.Equal(PresenceStatus.In, status.Presence);
        Assert.Null(status.Note);
        Assert.Contains((await _server.Directory.SearchAsync(inOnly, Token)).Value!.Items, row => row.Id == id);
    }

    [Fact]
    public async Task TheStoredRowIsRevertedOnceWithAnExpiryHistoryRowEvenWithTwoServersTrying()
    {
        await using var second = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
        var id = await FirstIdAsync();
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        var set = await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, "in until the train", Until: until), TestActors.Admin("reception"), Token);
        Assert.True(set.IsOk);

        var stored = await Eventually.ReturnsAsync(() => StoredAsync(id), row => row.Until is null, "the row to be reverted by the expiry");

        Assert.Equal(PresenceStatus.Out, stored.Presence);
        Assert.Null(stored.Note);
        Assert.Equal(set.Value!.Stamp + 1, stored.Stamp);
        var expiries = await _database.QueryAsync(db => db.PresenceHistory.Where(c => c.EmployeeId == id && c.Source == PresenceSource.Expiry).ToListAsync(Token));
        var expiry = Assert.Single(expiries);
        Assert.Equal((PresenceStatus.In, PresenceStatus.Out, "reception"), (expiry.From, expiry.To, expiry.By));
        Assert.Equal(until.ToUnixTimeMilliseconds(), expiry.At.ToUnixTimeMilliseconds());
        await Eventually.HoldsAsync(
            async () => (await second.Directory.GetEmployeeAsync(id, Token))!.Status is { Presence: PresenceStatus.Out, Until: null } s && s.Stamp == stored.Stamp,
            "the other server to read the normalised status");
    }

    /// <summary>
    /// A back-at time set on another server wakes this server's timer when its change arrives, however long the timer
    /// meant to sleep: pages here are told of the revert, and the row is normalised, within 3 s of the time.
    /// </summary>
    [Fact]
    public async Task ABackAtTimeSetOnAnotherServerRevertsHereWithinThreeSecondsOfItsTime()
    {
        await using var second = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
        var id = await FirstIdAsync();
        var told = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Services.GetRequiredService<IDirectoryChangeFeed>().Changed += (_, change) =>
        {
            if (change.Statuses.Any(s => s.EmployeeId == id && s.Status is { Presence: PresenceStatus.In, Until: null }))
            {
                told.TrySetResult(DateTimeOffset.UtcNow);
            }
        };
        var until = DateTimeOffset.UtcNow.AddSeconds(2);

        Assert.True((await second.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "quick errand", Until: until), TestActors.Admin(), Token)).IsOk);

        var deadline = until.AddSeconds(3);
        var toldAt = await told.Task.WaitAsync(Remaining(deadline), Token);
        Assert.InRange(toldAt, until, deadline);
        await Eventually.HoldsAsync(async () => (await StoredAsync(id)).Until is null, "the row to be normalised within 3 s of its back-at time", Remaining(deadline));
    }

    /// <summary>
    /// The timer reads back-at times from the presence aggregate, in whole milliseconds. A time given more finely
    /// is stored to the millisecond too, so the revert the timer attempts in that millisecond is not refused as early.
    /// </summary>
    [Fact]
    public async Task ABackAtTimeFinerThanAMillisecondIsRevertedInItsMillisecond()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await DirectoryServicesHost.StartAsync(_database, services: s => s.AddSingleton<TimeProvider>(clock));
        var id = await FirstIdAsync();
        var millisecond = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds());
        var set = await server.Presence.SetPresenceAsync(
            id, new PresenceUpdate(PresenceStatus.Out, "back soon", Until: millisecond.AddTicks(7_000)), TestActors.Admin(), Token);
        Assert.True(set.IsOk);
        Assert.Equal(millisecond, (await StoredAsync(id)).Until);

        clock.SetUtcNow(millisecond);

        var stored = await Eventually.ReturnsAsync(() => StoredAsync(id), row => row.Until is null, "the row to be reverted in its back-at millisecond");
        Assert.Equal(PresenceStatus.In, stored.Presence);
    }

    [Fact]
    public async Task ANewStatusSetBeforeTheEndIsNeverUndoneByTheOldEnd()
    {
        var id = await FirstIdAsync();
        var actor = TestActors.Admin();
        Assert.True((await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, null, Until: DateTimeOffset.UtcNow.AddSeconds(1)), actor, Token)).IsOk);
        var replaced = await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "all day"), actor, Token);

        var expired = await _server.Services.GetRequiredService<PresenceService>().ExpireAsync(id, replaced.Value!.Stamp - 1, Token);

        Assert.False(expired);
        Assert.Equal((PresenceStatus.Out, "all day", (DateTimeOffset?)null), await StoredShapeAsync(id));
    }

    private static TimeSpan Remaining(DateTimeOffset deadline) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (deadline - DateTimeOffset.UtcNow).Ticks));

    private async Task<int> FirstIdAsync() =>
        await _database.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Token));

    private Task<EmployeeStatus> StoredAsync(int id) =>
        _database.QueryAsync(db => db.Employees.Where(e => e.Id == id)
            .Select(e => new EmployeeStatus(e.Id, e.Presence, e.PresenceNote, e.PresenceChangedAt, e.PresenceChangedBy, e.PresenceVersion, e.PresenceUntil))
            .SingleAsync(Token));

    private async Task<(PresenceStatus, string?, DateTimeOffset?)> StoredShapeAsync(int id)
    {
        var stored = await StoredAsync(id);
        return (stored.Presence, stored.Note, stored.Until);
    }

    private Task<int> HistoryCountAsync(int id) =>
        _database.QueryAsync(db => db.PresenceHistory.CountAsync(c => c.EmployeeId == id, Token));
}
