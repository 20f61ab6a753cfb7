using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// The scaled-out mode on loopback, as scripts/cluster.sh starts it: one real redis-server, three replicas
/// of the app as real processes (the Release build) sharing one SQLite file, and Debian's nginx in front
/// with the sticky-session configuration rendered from the same template as deploy/nginx.conf. The
/// replicas run in Development: demo accounts and an admin API key for the tests.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SeedEmployees = 60;

    /// <summary>The cookie nginx hashes a browser onto one replica with.</summary>
    public const string AffinityCookie = "ed_affinity";

    public const string ServedByHeader = "X-Served-By";

    private readonly RedisServerFixture _redis = new();
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"employee-directory-cluster-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string> _pins = new(StringComparer.Ordinal);
    private NginxFrontDoor? _front;

    public ClusterFixture()
    {
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString(),
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Auth:SeedApiKey"] = ApiKey,
            ["RateLimits:Presence:PerMinute"] = "0",
        };
        Replicas = [.. Enumerable.Range(1, 3).Select(n => new AppReplica(
            $"replica-{n}",
            new Dictionary<string, string>(shared) { ["Database:SeedEmployees"] = n == 1 ? $"{SeedEmployees}" : "0" }))];
    }

    /// <summary>replica-1, replica-2 and replica-3.</summary>
    public IReadOnlyList<AppReplica> Replicas { get; }

    /// <summary>The admin API key every replica seeds (Auth:SeedApiKey).</summary>
    public string ApiKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>nginx: the address browsers and API clients use.</summary>
    public Uri Front => (_front ?? throw new InvalidOperationException("The cluster is not up.")).Address;

    public static string AdminEmail => DirectoryAppFactory.DemoAdminEmail;

    /// <summary>The demo accounts' password, as the replicas read it from appsettings.Development.json.</summary>
    public string DemoPassword { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.WebAppFolder, "appsettings.Development.json")))!
        ["Auth"]![nameof(Web.Auth.AuthOptions.DemoPassword)]!.GetValue<string>();

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            // Nothing may outlive a cluster that failed to start: its processes are stopped here.
            await DisposeAsync();
            throw;
        }
    }

    public AppReplica Replica(string name) => Replicas.Single(r => r.Name == name);

    /// <summary>An <c>ed_affinity</c> value nginx hashes onto <paramref name="replica"/> (found by asking nginx).</summary>
    public string PinFor(AppReplica replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return _pins[replica.Name];
    }

    /// <summary>
    /// A client of the front door that does not follow redirects, fails on any 5xx, keeps cookies, and
    /// starts pinned to <paramref name="pinnedTo"/> (no affinity cookie when null); with the admin API key unless told not to.
    /// </summary>
    public HttpClient CreateClient(AppReplica? pinnedTo = null, bool withApiKey = true, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        if (pinnedTo is not null)
        {
            cookies.Add(Front, new Cookie(AffinityCookie, PinFor(pinnedTo)));
        }

        var client = new HttpClient(new ServerErrorGuard { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies } })
        {
            BaseAddress = Front,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (withApiKey)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKey);
        }

        return client;
    }

    /// <summary>Who answered, by the <c>X-Served-By</c> header.</summary>
    public static string ServedBy(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(ServedByHeader, out var values)
            ? values.Single()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without {ServedByHeader}.");
    }

    /// <summary>The roster as the API shows it (through the front door).</summary>
    internal async Task<IReadOnlyList<EmployeeListItem>> EmployeesAsync()
    {
        using var client = CreateClient();
        var page = await client.GetFromJsonAsync<EmployeePageResponse>(
            new Uri($"api/employees?pageSize={SeedEmployees}", UriKind.Relative), ApiJson.Options, TestContext.Current.CancellationToken);
        return page!.Items;
    }

    /// <summary>Reads the shared database directly, past every replica and cache: what the data says.</summary>
    public async Task<T> QueryDatabaseAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = false }.ToString())
            .Options;
        await using var db = new SqliteDirectoryDbContext(options);
        return await query(db);
    }

    /// <summary>What every replica and nginx last said, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join(Environment.NewLine, Replicas.Select(r => r.RecentOutput()).Append($"--- nginx error log ---{Environment.NewLine}{_front?.ErrorLog()}"));

    public async ValueTask DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.DisposeAsync();
            _front = null;
        }

        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        await _redis.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _redis.InitializeAsync();

        // The first replica migrates and seeds the empty database, and creates the Data Protection key ring
        // in Redis (the login page protects an antiforgery token) before the others start and read it.
        await Replicas[0].StartAsync(cancellationToken);
        using (var http = new HttpClient { BaseAddress = Replicas[0].Address })
        using (var login = await http.GetAsync(new Uri("account/login", UriKind.Relative), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        await Task.WhenAll(Replicas.Skip(1).Select(replica => replica.StartAsync(cancellationToken)));
        _front = await NginxFrontDoor.StartAsync(Replicas.Select(r => $"127.0.0.1:{r.Port}"), cancellationToken: cancellationToken);
        await FindPinsAsync(cancellationToken);
    }

    private async Task FindPinsAsync(CancellationToken cancellationToken)
    {
        // No cookie container: each probe sends exactly one affinity cookie.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Front };
        for (var candidate = 0; _pins.Count < Replicas.Count; candidate++)
        {
            Assert.True(candidate < 200, $"nginx sent 200 different affinity cookies to only {string.Join(", ", _pins.Keys)}");
            var value = $"pin-{candidate}";
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("health/live", UriKind.Relative));
            request.Headers.Add("Cookie", $"{AffinityCookie}={value}");
            using var response = await client.SendAsync(request, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            _pins.TryAdd(ServedBy(response), value);
        }
    }
}
