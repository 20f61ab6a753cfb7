using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// The directory services with Redis configured: what browsing puts in Redis, exactly which keys each write
/// drops and which aggregate members it patches, on one server and across two sharing one database and Redis.
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
    public async Task BrowsingFillsRedisWithProfileKeysForADayStatusKeysForAMinuteAndBothAggregatesAsHashes()
    {
        var page = await BrowseAsync();

        var profileTtl = await Db.KeyTimeToLiveAsync(_server.Keys.Profile(page.Items[0].Id).Name);
        var statusTtl = await Db.KeyTimeToLiveAsync(_server.Keys.Status(page.Items[^1].Id).Name);
        var rosterTtl = await Db.KeyTimeToLiveAsync(_server.Keys.Roster);
        var presenceTtl = await Db.KeyTimeToLiveAsync(_server.Keys.Presence);

        Assert.InRange(profileTtl!.Value.TotalSeconds, 86400 * 0.9 - 5, 86400 * 1.1);
        Assert.InRange(rosterTtl!.Value.TotalSeconds, 86400 * 0.9 - 5, 86400 * 1.1);
        Assert.InRange(statusTtl!.Value.TotalSeconds, 60 * 0.9 - 5, 60 * 1.1);
        Assert.InRange(presenceTtl!.Value.TotalSeconds, 60 * 0.9 - 5, 60 * 1.1);
        Assert.Equal(RedisType.Hash, await Db.KeyTypeAsync(_server.Keys.Roster));
        // A field per employee and per department, plus the completeness marker.
        Assert.Equal(60 + (await _server.Directory.GetDepartmentsAsync(Token)).Count + 1, await Db.HashLengthAsync(_server.Keys.Roster));
        Assert.Equal(60 + 1, await Db.HashLengthAsync(_server.Keys.Presence));
    }

    [Fact]
    public async Task TogglingStatusDropsThatStatusKeyAndPatchesOnlyThatMemberOfThePresenceAggregate()
    {
        var page = await BrowseAsync();
        var (target, other) = (page.Items[0].Id, page.Items[1].Id);
        var profileKey = _server.Keys.Profile(target).Name;
        var before = await RedisStateAsync(profileKey);
        var current = (await _server.Directory.GetEmployeeAsync(target, Token))!.Status;
        var flipped = Flip(current.Presence);

        var result = await _server.Presence.SetPresenceAsync(target, new PresenceUpdate(flipped, "toggled"), TestActors.Admin(), Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        Assert.False(await Db.KeyExistsAsync(_server.Keys.Status(target).Name));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Status(other).Name));
        var after = await RedisStateAsync(profileKey);
        Assert.Equal($"{result.Value!.Stamp}|{(flipped == PresenceStatus.In ? "I" : "O")}", after.Presence[target]);
        Assert.Equal(current.Stamp + 1, result.Value.Stamp);
        Assert.Equal(before.Presence.Where(p => p.Key != target), after.Presence.Where(p => p.Key != target));
        // The roster and the profile (another policy) were not touched: same fields, same write versions.
        Assert.Equal(before.Roster, after.Roster);
        Assert.Equal(before.RosterVersion, after.RosterVersion);
        Assert.Equal(before.ProfileVersion, after.ProfileVersion);
        Assert.Equal(before.Profile, after.Profile);
        Assert.Equal(flipped, (await _server.Engine.GetAggregateAsync(DirectoryCacheContract.Presence, NoLoad<PresenceRoster>, Token)).StatusOf(target));
    }

    [Fact]
    public async Task EditingAProfileDropsItsProfileKeyAndPatchesOnlyThatEntryOfTheRoster()
    {
        var page = await BrowseAsync();
        var (target, other) = (page.Items[0].Id, page.Items[1].Id);
        var profile = (await _server.Directory.GetEmployeeAsync(target, Token))!.Profile;
        var statusKey = _server.Keys.Status(target).Name;
        var statusVersionBefore = await Db.HashGetAsync(_server.Keys.VersionsKey, statusKey);
        var before = await RedisStateAsync(_server.Keys.Profile(target).Name);

        var result = await _server.Directory.UpdateProfileAsync(target, ProfileUpdate.From(profile) with { Title = "Head of Caching" }, Token);

        Assert.Equal(ServiceOutcome.Ok, result.Outcome);
        // The service reads the saved profile back, which refills the profile key with the new value.
        Assert.Contains("Head of Caching", (string?)await Db.StringGetAsync(_server.Keys.Profile(target).Name), StringComparison.Ordinal);
        var after = await RedisStateAsync(_server.Keys.Profile(target).Name);
        Assert.Contains("Head of Caching", after.Roster[target], StringComparison.Ordinal);
        Assert.Equal(before.Roster.Where(r => r.Key != target), after.Roster.Where(r => r.Key != target));
        Assert.True(await Db.KeyExistsAsync(_server.Keys.Profile(other).Name));
        // The service reads the status back too, so the key existing proves little: its write version must not have moved.
        Assert.Equal(statusVersionBefore, await Db.HashGetAsync(_server.Keys.VersionsKey, statusKey));
        Assert.Equal(before.Presence, after.Presence);
        var found = await _server.Directory.SearchAsync(new DirectoryQuery { Text = "head of caching" }, Token);
        Assert.Equal(target, Assert.Single(found.Value!.Items).Id);
    }

    [Fact]
    public async Task ASecondServerPatchesItsCopiesFromTheMessageWithoutReloadingThem()
    {
        await using var second = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
        var page = await BrowseAsync();
        await second.Directory.SearchAsync(new DirectoryQuery { Status = PresenceStatus.In, Text = "a" }, Token);
        var id = page.Items[2].Id;
        var profile = (await second.Directory.GetEmployeeAsync(id, Token))!.Profile;
        var flipped = Flip((await second.Directory.GetEmployeeAsync(id, Token))!.Status.Presence);
        var loadsBefore = Loads(second);
        var presenceBefore = await second.Engine.GetAggregateAsync(DirectoryCacheContract.Presence, NoLoad<PresenceRoster>, Token);
        var rosterBefore = await second.Engine.GetAggregateAsync(DirectoryCacheContract.Roster, NoLoad<RosterIndex>, Token);

        await _server.Presence.SetPresenceAsync(id, new PresenceUpdate(flipped, null), TestActors.Admin(), Token);
        await _server.Directory.UpdateProfileAsync(id, ProfileUpdate.From(profile) with { FamilyName = "Zyxwardt" }, Token);

        var presence = await Eventually.ReturnsAsync(
            async () => await second.Engine.GetAggregateAsync(DirectoryCacheContract.Presence, NoLoad<PresenceRoster>, Token),
            snapshot => snapshot.StatusOf(id) == flipped,
            "the second server's presence copy to show the change");
        var roster = await Eventually.ReturnsAsync(
            async () => await second.Engine.GetAggregateAsync(DirectoryCacheContract.Roster, NoLoad<RosterIndex>, Token),
            snapshot => snapshot.Employees.Single(e => e.Id == id).FamilyName == "Zyxwardt",
            "the second server's roster copy to show the edit");

        Assert.Equal(presenceBefore.InIds.Where(other => other != id), presence.InIds.Where(other => other != id));
        Assert.Equal(rosterBefore.Employees.Where(e => e.Id != id).OrderBy(e => e.Id), roster.Employees.Where(e => e.Id != id).OrderBy(e => e.Id));
        Assert.Equal(loadsBefore, Loads(second));
        var inNow = (await second.Directory.SearchAsync(new DirectoryQuery { Status = flipped, Text = "zyxwardt" }, Token)).Value!.Items;
        Assert.Equal(id, Assert.Single(inNow).Id);
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

    /// <summary>Both aggregates as Redis holds them, with their versions, and one profile key with its version.</summary>
    private async Task<RedisState> RedisStateAsync(string profileKey) => new(
        Fields(await Db.HashGetAllAsync(_server.Keys.Roster)),
        Fields(await Db.HashGetAllAsync(_server.Keys.Presence)),
        await Db.HashGetAsync(_server.Keys.VersionsKey, _server.Keys.Roster),
        await Db.StringGetAsync(profileKey),
        await Db.HashGetAsync(_server.Keys.VersionsKey, profileKey));

    private static SortedDictionary<int, string> Fields(HashEntry[] entries) =>
        new(entries.Where(e => e.Name != "~v").ToDictionary(e => int.Parse((string)e.Name!, System.Globalization.CultureInfo.InvariantCulture), e => (string)e.Value!));

    private static long Loads(DirectoryServicesHost host) =>
        host.Engine.Statistics.Loads(DirectoryCacheContract.Status) + host.Engine.Statistics.Loads(DirectoryCacheContract.Profile);

    private static PresenceStatus Flip(PresenceStatus status) => status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;

    private static Task<IReadOnlyList<Core.Caching.AggregateMember>> NoLoad<T>(CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The {typeof(T).Name} copy should have been in memory already.");

    private sealed record RedisState(
        SortedDictionary<int, string> Roster,
        SortedDictionary<int, string> Presence,
        RedisValue RosterVersion,
        RedisValue Profile,
        RedisValue ProfileVersion);
}
