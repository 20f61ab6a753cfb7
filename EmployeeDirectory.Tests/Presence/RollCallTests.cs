using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Core.RollCall;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Presence;

/// <summary>The roll call through the real services and a real Redis: counts that add up, served from its Status key, dropped by presence changes only.</summary>
public sealed class RollCallTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly string _prefix = $"r{Guid.NewGuid():N}"[..10] + ":";
    private TestDatabase _database = null!;
    private DirectoryServicesHost _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IRollCallService RollCall => _server.Services.GetRequiredService<IRollCallService>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(employees: 40, cancellationToken: Token);
        _server = await DirectoryServicesHost.StartAsync(_database, redis.ConnectionString, _prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TheCountsMatchTheDirectoryPerDepartmentAndPerLocationAndAddUp()
    {
        var rollCall = await RollCall.GetRollCallAsync(Token);
        var everyone = (await _server.Directory.SearchAsync(new DirectoryQuery { PageSize = 100 }, Token)).Value!.Items;

        Assert.Equal(everyone.Count, rollCall.Total);
        Assert.Equal(everyone.Count(r => r.Status.Presence == PresenceStatus.In), rollCall.In);
        Assert.Equal(rollCall.Total, rollCall.In + rollCall.Out);
        Assert.Equal(rollCall.In, rollCall.Departments.Sum(d => d.In));
        Assert.Equal(rollCall.Out, rollCall.Locations.Sum(l => l.Out));
        foreach (var department in rollCall.Departments.Where(d => d.Total > 0))
        {
            var members = everyone.Where(r => r.Department == department.Name).ToList();
            Assert.Equal(members.Count(r => r.Status.Presence == PresenceStatus.In), department.In);
            var people = await RollCall.GetPeopleAsync(RollCallGrouping.Department, department.Name, Token);
            Assert.Equal(members.Select(m => m.Id).Order(), people.Select(p => p.Id).Order());
        }
    }

    [Fact]
    public async Task ItIsServedFromItsStatusKeyAndAPresenceChangeDropsIt()
    {
        var before = await RollCall.GetRollCallAsync(Token);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var key = _server.Keys.RollCall.Name;
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 1, 66);
        Assert.Same(before, await RollCall.GetRollCallAsync(Token));

        var target = (await _server.Directory.SearchAsync(new DirectoryQuery { Status = PresenceStatus.Out, PageSize = 1 }, Token)).Value!.Items[0];
        Assert.True((await _server.Presence.SetPresenceAsync(target.Id, new PresenceUpdate(PresenceStatus.In, null), TestActors.Admin(), Token)).IsOk);

        Assert.False(await connection.GetDatabase().KeyExistsAsync(key));
        var after = await RollCall.GetRollCallAsync(Token);
        Assert.Equal(before.In + 1, after.In);
        Assert.Equal(before.Departments.Single(d => d.Name == target.Department).In + 1, after.Departments.Single(d => d.Name == target.Department).In);
    }

    [Fact]
    public async Task AProfileEditLeavesItAlone()
    {
        await RollCall.GetRollCallAsync(Token);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var employee = (await _server.Directory.SearchAsync(new DirectoryQuery { PageSize = 1 }, Token)).Value!.Items[0];
        var profile = (await _server.Directory.GetEmployeeAsync(employee.Id, Token))!.Profile;

        Assert.True((await _server.Directory.UpdateProfileAsync(employee.Id, ProfileUpdate.From(profile) with { Title = "Roll call tester" }, Token)).IsOk);

        Assert.True(await connection.GetDatabase().KeyExistsAsync(_server.Keys.RollCall.Name));
    }

    [Fact]
    public async Task ItEndsWithTheNextBackAtTimeItCountedAndThenCountsTheRevertedStatus()
    {
        var target = (await _server.Directory.SearchAsync(new DirectoryQuery { Status = PresenceStatus.In, PageSize = 1 }, Token)).Value!.Items[0];
        var until = DateTimeOffset.UtcNow.AddSeconds(3);
        Assert.True((await _server.Presence.SetPresenceAsync(target.Id, new PresenceUpdate(PresenceStatus.Out, "back soon", Until: until), TestActors.Admin(), Token)).IsOk);

        var during = await RollCall.GetRollCallAsync(Token);
        Assert.NotNull(during.EndsAt);
        Assert.True(during.EndsAt <= until);

        await Eventually.HoldsAsync(
            async () => (await RollCall.GetRollCallAsync(Token)).In == during.In + 1,
            "the roll call to count the employee In again once the back-at time passed");
    }
}
