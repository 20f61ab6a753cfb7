using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Presence;

/// <summary>The status history on a real SQLite file: written with every change, paged newest first, pruned by age.</summary>
public sealed class StatusHistoryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DirectoryServicesHost _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IPresenceHistory History => _server.Services.GetRequiredService<IPresenceHistory>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 20, cancellationToken: Token);
        _server = await DirectoryServicesHost.StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TheDemoSeedGivesEveryoneAFewDaysOfHistoryEndingInTheirCurrentStatus()
    {
        var employees = await _database.QueryAsync(db => db.Employees.Select(e => new { e.Id, e.Presence, e.PresenceUntil }).ToListAsync(Token));

        foreach (var employee in employees)
        {
            var page = (await History.GetHistoryAsync(employee.Id, 1, 10, TestActors.Admin(), Token)).Value!;
            Assert.InRange(page.Total, 1, 4);
            Assert.Equal(employee.Presence, page.Items[0].To);
            Assert.All(page.Items, change => Assert.NotEqual(change.From, change.To));
            Assert.Equal(page.Items.Select(c => c.At).OrderByDescending(at => at), page.Items.Select(c => c.At));
        }

        Assert.Contains(employees, e => e.PresenceUntil is not null);
    }

    [Fact]
    public async Task EveryChangeIsRecordedWithFromToNoteUntilAtByAndSourceNewestFirst()
    {
        var id = await _database.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Token));
        var before = (await History.GetHistoryAsync(id, 1, 100, TestActors.Admin(), Token)).Value!;
        var current = (await _server.Directory.GetEmployeeAsync(id, Token))!.Status.Presence;
        var until = DateTimeOffset.UtcNow.AddHours(2);

        Assert.True((await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(current.Reverted(), "first", Until: until), TestActors.Admin("ada@example.com"), Token)).IsOk);
        Assert.True((await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(current, null, Source: PresenceSource.Api), TestActors.Admin("api-key:badge"), Token)).IsOk);

        var page = (await History.GetHistoryAsync(id, 1, 2, TestActors.Admin(), Token)).Value!;
        Assert.Equal(before.Total + 2, page.Total);
        Assert.Equal((1, 2), (page.Page, page.PageSize));
        var (latest, earlier) = (page.Items[0], page.Items[1]);
        Assert.Equal((current.Reverted(), current, (string?)null, (DateTimeOffset?)null, "api-key:badge", PresenceSource.Api), (latest.From, latest.To, latest.Note, latest.Until, latest.By, latest.Source));
        Assert.Equal((current, current.Reverted(), "first", "ada@example.com", PresenceSource.Ui), (earlier.From, earlier.To, earlier.Note, earlier.By, earlier.Source));
        Assert.Equal(until.ToUnixTimeMilliseconds(), earlier.Until!.Value.ToUnixTimeMilliseconds());
        Assert.True(latest.At >= earlier.At);

        var second = (await History.GetHistoryAsync(id, 2, 2, TestActors.Admin(), Token)).Value!;
        Assert.Equal(before.Items.Take(2).ToList(), second.Items);
    }

    [Fact]
    public async Task ARefusedChangeRecordsNothing()
    {
        var id = await _database.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).Skip(1).FirstAsync(Token));
        var before = (await History.GetHistoryAsync(id, 1, 1, TestActors.Admin(), Token)).Value!.Total;

        Assert.Equal(ServiceOutcome.Invalid, (await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, new string('n', 141)), TestActors.Admin(), Token)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, null), TestActors.Employee(id + 1, "someone@example.com"), Token)).Outcome);
        Assert.Equal(ServiceOutcome.Conflict, (await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.In, null, ExpectedStamp: -5), TestActors.Admin(), Token)).Outcome);

        Assert.Equal(before, (await History.GetHistoryAsync(id, 1, 1, TestActors.Admin(), Token)).Value!.Total);
    }

    [Fact]
    public async Task WithoutRedisABackAtTimeStillRevertsTheStoredRowAndRecordsTheExpiry()
    {
        var id = await _database.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).Skip(2).FirstAsync(Token));
        var set = await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "back soon", Until: DateTimeOffset.UtcNow.AddSeconds(2)), TestActors.Admin(), Token);
        Assert.True(set.IsOk);

        await Eventually.HoldsAsync(
            () => _database.QueryAsync(db => db.Employees.AnyAsync(e => e.Id == id && e.PresenceUntil == null && e.Presence == PresenceStatus.In, Token)),
            "the stored row to be reverted when its back-at time passed");

        var latest = (await History.GetHistoryAsync(id, 1, 1, TestActors.Admin(), Token)).Value!.Items[0];
        Assert.Equal((PresenceStatus.Out, PresenceStatus.In, PresenceSource.Expiry), (latest.From, latest.To, latest.Source));
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 101, "pageSize")]
    public async Task ABadPageOrSizeIsAFieldError(int page, int pageSize, string field)
    {
        var result = await History.GetHistoryAsync(1, page, pageSize, TestActors.Admin(), Token);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task AnUnknownEmployeeHasNoHistoryToShow() =>
        Assert.Equal(ServiceOutcome.NotFound, (await History.GetHistoryAsync(99_999, 1, 20, TestActors.Admin(), Token)).Outcome);

    /// <remarks>
    /// The rows are written before the server starts: its pruner runs at start-up, in the background, so a row
    /// written after the start could be deleted by either prune and the count of one would be a race.
    /// </remarks>
    [Fact]
    public async Task AtStartUpChangesOlderThanTheRetentionArePrunedAndTheRestKept()
    {
        await using var database = await TestDatabase.CreateAsync(employees: 5, cancellationToken: Token);
        var id = await database.QueryAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Token));
        var now = DateTimeOffset.UtcNow;
        await database.QueryAsync(async db =>
        {
            db.PresenceHistory.AddRange(
                new PresenceChange { EmployeeId = id, From = PresenceStatus.In, To = PresenceStatus.Out, At = now.AddDays(-91), By = "old", Source = PresenceSource.Ui },
                new PresenceChange { EmployeeId = id, From = PresenceStatus.Out, To = PresenceStatus.In, At = now.AddDays(-89), By = "recent", Source = PresenceSource.Ui });
            return await db.SaveChangesAsync(Token);
        });
        var total = await database.QueryAsync(db => db.PresenceHistory.CountAsync(Token));

        await using var server = await DirectoryServicesHost.StartAsync(database);

        await Eventually.HoldsAsync(
            async () => !await database.QueryAsync(db => db.PresenceHistory.AnyAsync(c => c.By == "old", Token)),
            "the start-up prune deletes the change 91 days old");
        Assert.Equal(total - 1, await database.QueryAsync(db => db.PresenceHistory.CountAsync(Token)));
        Assert.True(await database.QueryAsync(db => db.PresenceHistory.AnyAsync(c => c.By == "recent", Token)));
        // Another prune (another server's, or the next tick) finds nothing more to delete.
        Assert.Equal(0, await server.Services.GetRequiredService<PresenceHistoryPruner>().PruneAsync(Token));
    }
}
