using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>The directory keeps serving, and writes keep landing, while its Redis is down.</summary>
public sealed class DirectoryOutageTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private TestDatabase _database = null!;
    private DirectoryServicesHost _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _database = await TestDatabase.CreateAsync(employees: 30, cancellationToken: Token);
        _server = await DirectoryServicesHost.StartAsync(_database, _redis.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WithRedisStoppedSearchReadsAndTogglesStillWorkAndTheToggleIsInTheDatabase()
    {
        var id = (await _server.Directory.SearchAsync(new DirectoryQuery(), Token)).Value!.Items[0].Id;
        var before = (await _server.Directory.GetEmployeeAsync(id, Token))!.Status.Presence;
        var flipped = before == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

        await _redis.StopAsync(Token);
        var set = await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(flipped, "during outage"), TestActors.Admin(), Token);
        var read = await _server.Directory.GetEmployeeAsync(id, Token);
        var search = await _server.Directory.SearchAsync(new DirectoryQuery { Status = flipped, PageSize = 100 }, Token);

        Assert.Equal(ServiceOutcome.Ok, set.Outcome);
        Assert.Equal(flipped, read!.Status.Presence);
        Assert.Contains(search.Value!.Items, r => r.Id == id && r.Status.Note == "during outage");
        await using var db = await _database.ContextFactory.CreateDbContextAsync(Token);
        var row = await db.Employees.SingleAsync(e => e.Id == id, Token);
        Assert.Equal(flipped, row.Presence);

        await _redis.StartAsync(Token);
        await Eventually.HoldsAsync(
            async () =>
            {
                await _server.Directory.SearchAsync(new DirectoryQuery(), Token);
                return !_server.Engine.IsRedisDegraded;
            },
            "the cache to go back to Redis after it restarted");
        Assert.Equal(flipped, (await _server.Directory.GetEmployeeAsync(id, Token))!.Status.Presence);
    }
}
