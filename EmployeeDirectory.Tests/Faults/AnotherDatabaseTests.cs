using System.Net;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// The database behind a warm Redis is replaced: re-seeded from scratch, or restored from a backup taken before
/// some edits. Redis still holds the earlier life's values (the tests check that it does), and the first reads
/// of the new life show the new data: its keys carry the database's cache generation, which moved.
/// </summary>
[Collection(FaultsTestGroup.Name)]
public sealed class AnotherDatabaseTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private readonly List<DirectoryAppFactory> _apps = [];
    private ConnectionMultiplexer _probe = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _probe = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _probe.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ADatabaseReseededNextToAWarmRedisShowsItsNewDataFromTheFirstRead()
    {
        // First life: 60 employees, one renamed, everything read (so cached in Redis).
        var first = Start(seed: 60);
        using var firstClient = first.CreateApiClient();
        var (id, oldKeys) = await RenameAndWarmAsync(first, firstClient, "Firstlife");
        await StopAsync(first);

        // Second life: a fresh database seeded with 45, next to the same Redis.
        var second = Start(seed: 45);
        using var client = second.CreateApiClient();
        var page = await ApiJson.GetAsync<EmployeePageResponse>(client, "api/employees?pageSize=100");
        var employee = await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}");
        var search = await ApiJson.GetAsync<EmployeePageResponse>(client, "api/employees?q=Firstlife");

        var oldLife = StaleReads((page.Total, 60), (employee.FamilyName, "Firstlife"), (search.Total, 1));
        Print("database re-seeded next to a warm Redis", requests: 3, oldLife);
        Assert.Equal(45, page.Total);
        Assert.NotEqual("Firstlife", employee.FamilyName);
        Assert.Equal(0, search.Total);
        Assert.Equal("Firstlife", await CachedFamilyNameAsync(oldKeys, id));
    }

    [Fact]
    public async Task ADatabaseRestoredFromABackupNextToARedisThatSawLaterEditsShowsTheRestoredDataFromTheFirstRead()
    {
        var live = Start(seed: 30);
        using var liveClient = live.CreateApiClient();
        var backup = Path.Combine(Path.GetTempPath(), $"employee-directory-backup-{Guid.NewGuid():N}.db");
        try
        {
            await live.QueryDatabaseAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {backup}", Token));
            var (id, oldKeys) = await RenameAndWarmAsync(live, liveClient, "Afterbackup");
            await StopAsync(live);

            var restored = DirectoryAppFactory.Create(_redis.ConnectionString, settings: new Dictionary<string, string?> { ["Database:SeedEmployees"] = "0" });
            _apps.Add(restored);
            File.Copy(backup, restored.DatabasePath);
            using var client = restored.CreateApiClient();
            var employee = await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}");
            var search = await ApiJson.GetAsync<EmployeePageResponse>(client, "api/employees?q=Afterbackup");

            var oldLife = StaleReads((employee.FamilyName, "Afterbackup"), (search.Total, 1));
            Print("database restored from a backup next to a warm Redis", requests: 2, oldLife);
            Assert.NotEqual("Afterbackup", employee.FamilyName);
            Assert.Equal(0, search.Total);
            Assert.Equal("Afterbackup", await CachedFamilyNameAsync(oldKeys, id));
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private DirectoryAppFactory Start(int seed)
    {
        var app = DirectoryAppFactory.Create(_redis.ConnectionString, settings: new Dictionary<string, string?> { ["Database:SeedEmployees"] = $"{seed}" });
        _apps.Add(app);
        return app;
    }

    /// <summary>Stops the app and deletes its database file.</summary>
    private async Task StopAsync(DirectoryAppFactory app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
    }

    /// <summary>Renames the first employee's family name through the API and reads them and the directory, so Redis holds this life's values.</summary>
    private static async Task<(int Id, CacheKeySpace Keys)> RenameAndWarmAsync(DirectoryAppFactory app, HttpClient client, string familyName)
    {
        var id = (await ApiJson.GetAsync<EmployeePageResponse>(client, "api/employees?pageSize=100")).Items.Min(item => item.Id);
        var before = await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}");
        using var saved = await ApiJson.PutAsync(client, $"api/employees/{id}", new ProfileRequest(
            before.GivenName, familyName, null, before.Title, before.Department, before.Email, before.Phone, before.Location, before.ConcurrencyStamp.ToString()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(familyName, (await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}")).FamilyName);
        Assert.Equal(1, (await ApiJson.GetAsync<EmployeePageResponse>(client, $"api/employees?q={familyName}")).Total);
        var generation = await app.QueryDatabaseAsync(db => db.CacheGenerations.Select(g => g.Generation).SingleAsync(Token));
        return (id, new CacheKeySpace(DirectoryCacheContract.Contract, "ed:", generation));
    }

    /// <summary>The family name Redis holds for the employee under the earlier life's keys: proof that Redis was warm with it.</summary>
    private async Task<string?> CachedFamilyNameAsync(CacheKeySpace keys, int id) =>
        (await new RedisContents(_probe.GetDatabase(), keys).ProfileAsync(id))?.FamilyName;

    /// <summary>How many of the reads returned what the earlier life held.</summary>
    private static int StaleReads(params (object Read, object EarlierLife)[] reads) => reads.Count(read => Equals(read.Read, read.EarlierLife));

    // Every request here goes through a client that fails the test on any 5xx, and ApiJson fails it on any other error:
    // a printed figure comes from a run in which none failed.
    private static void Print(string scenario, int requests, int staleReads) =>
        new FaultFigures(scenario, requests, Failures: 0, LostWrites: 0, staleReads, Recovery: TimeSpan.Zero, "the first reads after the start show the new data").Print();
}
