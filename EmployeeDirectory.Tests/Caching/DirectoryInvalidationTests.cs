using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// The directory services with Redis configured: what browsing puts in Redis and exactly which keys each
/// write removes, on one server and across two sharing one database and one Redis.
/// </summary>
public sealed class DirectoryInvalidationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly string _prefix = $"d{Guid.NewGuid():N}"[..10] + ":";
    private TestDatabase _database = null!;
    private DirectoryServicesHost _server = null!;
    private ConnectionMultiplexer _redis = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IDatabase Db => _redis.GetDatabase();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 60, cancellationToken: Token);
        _server = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
        _redis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BrowsingFillsRedisWithProfileKeysForADayAndStatusKeysForAMinute()
    {
        var page = await BrowseAsync();
        var id = page.Items[0].Id;

        var profileTtl = await Db.KeyTimeToLiveAsync(_server.Keys.Profile(id).Name);
        var statusTtl = await EventuallyAsync(() => Db.KeyTimeToLiveAsync(_server.Keys.Status(page.Items[^1].Id).Name));
        var rosterTtl = await Db.KeyTimeToLiveAsync(_server.Keys.Roster.Name);

        Assert.InRange(profileTtl!.Value.TotalSeconds, 86400 * 0.9 - 5, 86400 * 1.1);
        Assert.InRange(rosterTtl!.Value.TotalSeconds, 86400 * 0.9 - 5, 86400 * 1.1);
        Assert.InRange(statusTtl!.Value.TotalSeconds, 60 * 0.9 - 5, 60 * 1.1);
    }

    [Fact]
    public async Task TogglingStatusRemovesOnlyThatEmployeesStatusKeyAndThePresenceAggregate()
    {
        var page = await BrowseAsync();
        var (target, other) = (page.Items[0].Id, page.Items[1].Id);
        var profileTtlBefore = await Db.KeyTimeToLiveAsync(_server.Keys.Profile(target).Name);

        await _server.Presence.SetPresenceAsync(target, new PresenceUpdate(PresenceStatus.In, "toggled"), TestActors.Admin(), Token);

        Assert.False(await Db.KeyExistsAsync(_server.Keys.Status(target).Name));
        Assert.False(await Db.KeyExistsAsync(_server.Keys.Presence.Name));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Status(other).Name));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Roster.Name));
        var profileTtlAfter = await Db.KeyTimeToLiveAsync(_server.Keys.Profile(target).Name);
        Assert.NotNull(profileTtlAfter);
        Assert.True(profileTtlAfter <= profileTtlBefore, "the profile key was rewritten by a status change");
        Assert.InRange(profileTtlAfter.Value.TotalHours, 21, 27);
    }

    [Fact]
    public async Task EditingAProfileRemovesItsProfileKeyAndTheNameDerivedKeysButNoStatusKey()
    {
        var page = await BrowseAsync();
        var (target, other) = (page.Items[0].Id, page.Items[1].Id);
        var profile = (await _server.Directory.GetEmployeeAsync(target, Token))!.Profile;

        var result = await _server.Directory.UpdateProfileAsync(target, ProfileUpdate.From(profile) with { Title = "Head of Caching" }, Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        // The service reads the saved profile back, which refills the profile key with the new value.
        Assert.Contains("Head of Caching", (string?)await Db.StringGetAsync(_server.Keys.Profile(target).Name), StringComparison.Ordinal);
        Assert.False(await Db.KeyExistsAsync(_server.Keys.Roster.Name));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Status(target).Name));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Presence.Name));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Profile(other).Name));
        var found = await _server.Directory.SearchAsync(new DirectoryQuery { Text = "head of caching" }, Token);
        Assert.Equal(target, Assert.Single(found.Value!.Items).Id);
    }

    [Fact]
    public async Task ASecondServerSeesAStatusChangeAtOnce()
    {
        await using var second = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
        var page = await BrowseAsync();
        var id = page.Items[2].Id;
        var before = (await second.Directory.GetEmployeeAsync(id, Token))!.Status.Presence;
        var flipped = before == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = second.Services.GetService(typeof(IDirectoryChangeFeed)) as IDirectoryChangeFeed;
        feed!.Changed += (_, e) =>
        {
            if (e.Kind == DirectoryChangeKind.Status && e.Affects(id))
            {
                changed.TrySetResult();
            }
        };

        await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(flipped, null), TestActors.Admin(), Token);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(1), Token);

        Assert.Equal(flipped, (await second.Directory.GetEmployeeAsync(id, Token))!.Status.Presence);
        var row = (await second.Directory.SearchAsync(new DirectoryQuery { Status = flipped, PageSize = 100 }, Token)).Value!.Items;
        Assert.Contains(row, r => r.Id == id);
    }

    private async Task<DirectoryPage> BrowseAsync()
    {
        var page = (await _server.Directory.SearchAsync(new DirectoryQuery { PageSize = 10 }, Token)).Value!;
        await _server.Directory.SearchAsync(new DirectoryQuery { Status = PresenceStatus.In }, Token);
        foreach (var row in page.Items)
        {
            await _server.Directory.GetEmployeeAsync(row.Id, Token);
        }

        return page;
    }

    private static async Task<T?> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : struct
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(20, Token);
        }

        return null;
    }
}
