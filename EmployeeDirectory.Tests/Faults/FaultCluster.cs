using System.Security.Cryptography;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Tests.Observability;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth.ApiKeys;
using EmployeeDirectory.Web.Observability;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// Two servers of the app as real processes (the Release build, so either can be killed with SIGKILL and
/// started again) sharing one SQLite file and one real redis-server, which the tests stop, start and pause.
/// <c>web-a</c> migrates and seeds the database; <c>web-b</c> starts once it is ready. Both run in Development
/// with an admin API key and without the API's rate limit (the load would measure the limiter).
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public const int SeedEmployees = 40;

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"employee-directory-faults-{Guid.NewGuid():N}.db");
    private ConnectionMultiplexer? _admin;

    public FaultCluster()
    {
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString(),
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Auth:SeedApiKey"] = ApiKey,
            ["RateLimits:Api:PerSecond"] = "0",
            ["RateLimits:Presence:PerMinute"] = "0",
            // What the cache does about an outage, for a failure message; not every readiness probe's complaint.
            ["Logging:LogLevel:EmployeeDirectory.Core.Caching"] = "Information",
            ["Logging:LogLevel:EmployeeDirectory.Web.Observability"] = "Error",
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Error",
            // On the clock the scenarios' own notes use.
            ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging:Console:UseUtcTimestamp"] = "true",
        };
        A = new AppReplica("web-a", new Dictionary<string, string>(shared) { ["Database:SeedEmployees"] = $"{SeedEmployees}" });
        B = new AppReplica("web-b", new Dictionary<string, string>(shared) { ["Database:SeedEmployees"] = "0" });
    }

    public RedisServerFixture Redis { get; } = new();

    /// <summary>The server that seeds the database (and, in the crash scenario, the one that is killed).</summary>
    public AppReplica A { get; }

    public AppReplica B { get; }

    public IReadOnlyList<AppReplica> Servers => [A, B];

    public string ApiKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A connection of the test's own that may run admin commands (CLIENT PAUSE) and look at what the servers cached.</summary>
    public IDatabase RedisDb => (_admin ?? throw new InvalidOperationException("The cluster is not up.")).GetDatabase();

    public async ValueTask InitializeAsync()
    {
        try
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            await Redis.InitializeAsync();
            _admin = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString + ",allowAdmin=true,asyncTimeout=15000");
            await A.StartAsync(cancellationToken);
            await B.StartAsync(cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client of one server with the admin API key. It neither retries nor throws on error statuses:
    /// the scenarios count every answer that is not a success as a failed request.
    /// </summary>
    public HttpClient CreateClient(AppReplica server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromSeconds(15),
        };
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKey);
        return client;
    }

    /// <summary>The ids of the first <paramref name="count"/> employees of the roster.</summary>
    public Task<List<int>> EmployeeIdsAsync(int count) =>
        QueryDatabaseAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.Id).Take(count).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Reads the shared database directly, past both servers and every cache: what the data says.</summary>
    public async Task<T> QueryDatabaseAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = false }.ToString())
            .Options;
        await using var db = new SqliteDirectoryDbContext(options);
        return await query(db);
    }

    /// <summary>The newest outbox intent's id (0 when there is none).</summary>
    public Task<long> LastIntentIdAsync() =>
        QueryDatabaseAsync(async db => await db.CacheIntents.MaxAsync(i => (long?)i.Id, TestContext.Current.CancellationToken) ?? 0);

    /// <summary>How many intents newer than <paramref name="id"/> have not reached Redis yet, as the outbox records it.</summary>
    public Task<int> UnsentIntentsAfterAsync(long id) =>
        QueryDatabaseAsync(db => db.CacheIntents.CountAsync(i => i.Id > id && i.SentAtMs == null, TestContext.Current.CancellationToken));

    /// <summary>Pauses Redis's write commands (scripts and PUBLISH included) for every client; reads still answer.</summary>
    public async Task PauseRedisWritesAsync(TimeSpan pause) =>
        await RedisDb.ExecuteAsync("CLIENT", "PAUSE", ((long)pause.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "WRITE");

    /// <summary>Returns once Redis takes writes again: a write of the test's own waits out a pause.</summary>
    public async Task WaitForRedisWritesAsync()
    {
        await RedisDb.StringSetAsync("faults:pause-probe", "over");
        await RedisDb.KeyDeleteAsync("faults:pause-probe");
    }

    /// <summary>The key space the servers use now: the database's cache generation decides the keys' names.</summary>
    public async Task<CacheKeySpace> KeysAsync()
    {
        var generation = await QueryDatabaseAsync(db => db.CacheGenerations.Select(g => g.Generation).SingleAsync(TestContext.Current.CancellationToken));
        return new CacheKeySpace(DirectoryCacheContract.Contract, "ed:", generation);
    }

    /// <summary>What <paramref name="server"/>'s readiness says about Redis (status Healthy: connected, subscribed, breaker closed); null when it did not answer.</summary>
    internal static async Task<HealthJson.Check?> RedisCheckAsync(HttpClient server)
    {
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            var ready = await HealthJson.GetAsync(server, ObservabilityHostingExtensions.ReadyPath);
            return ready.Checks.GetValueOrDefault("redis");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="server"/> is back on Redis: its readiness reports Redis healthy.</summary>
    public static async Task<bool> UsesRedisAsync(HttpClient server) => (await RedisCheckAsync(server))?.Status == "Healthy";

    /// <summary>An employee's presence stamp as the database holds it.</summary>
    public Task<long> StoredStampAsync(int id) =>
        QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == id).Select(e => e.PresenceVersion).SingleAsync(TestContext.Current.CancellationToken));

    /// <summary>One employee as a server's API answers it.</summary>
    internal static async Task<EmployeeResponse> EmployeeAsync(HttpClient server, int id) =>
        await ApiJson.GetAsync<EmployeeResponse>(server, $"api/employees/{id}");

    /// <summary>What every server and Redis last said, for a failure message.</summary>
    public string Diagnostics() => string.Join(Environment.NewLine, Servers.Select(server => server.RecentOutput()));

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        await Redis.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
