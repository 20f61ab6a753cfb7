using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// The whole application over its own temporary SQLite file (which also holds the Data Protection key
/// ring), seeded with a small roster. In memory (TestServer) by default, reached over https://localhost so
/// Secure cookies travel as they would; <see cref="StartKestrel"/> puts it on a real loopback port for a
/// browser. The database file is deleted on dispose. Use it as a class fixture, or <see cref="Create"/> it
/// with Redis, another environment or extra settings. Rate limits (API, sign-in, status changes) are off unless
/// the settings turn them on (tests call the API in bursts); <see cref="Logs"/> holds what the app logged. Outside Development the key
/// ring is encrypted with <see cref="TestCertificate.Shared"/> (the app refuses to start without a certificate)
/// unless the settings name any <c>DataProtection:</c> key themselves.
/// Every route needs a signed-in caller: <see cref="CreateApiClient"/> sends an API key acting with a
/// role; <see cref="SignInAsync"/> signs in through the real login form and keeps the cookie.
/// </summary>
public class DirectoryAppFactory : WebApplicationFactory<Program>
{
    public const int SeedEmployees = 60;

    private readonly string? redisConnectionString;
    private readonly string environment;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly TimeSpan? databaseBusyTimeout;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> apiKeys = new(StringComparer.Ordinal);
    private Uri? serverAddress;
    private bool databaseDeleted;

    public DirectoryAppFactory()
        : this(redisConnectionString: null, Environments.Development, settings: null)
    {
    }

    protected DirectoryAppFactory(
        string? redisConnectionString,
        string environment,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? services = null,
        TimeSpan? databaseBusyTimeout = null)
    {
        this.databaseBusyTimeout = databaseBusyTimeout;
        this.redisConnectionString = redisConnectionString;
        this.environment = environment;
        this.settings = settings ?? new Dictionary<string, string?>();
        this.services = services;
        DatabasePath = Path.Combine(Path.GetTempPath(), $"employee-directory-{Guid.NewGuid():N}.db");
    }

    /// <summary>The demo admin account (Development only).</summary>
    public static string DemoAdminEmail => DemoAccounts.AdminEmail;

    /// <summary>Everything the app logged so far, at the levels its configuration lets through.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>The demo accounts' password from appsettings.Development.json.</summary>
    public string DemoPassword =>
        Services.GetRequiredService<IOptions<AuthOptions>>().Value.DemoPassword
        ?? throw new InvalidOperationException("Auth:DemoPassword is not set: demo accounts exist in Development only.");

    /// <summary>"Changed by" as recorded for changes made through <see cref="CreateApiClient"/> with <paramref name="role"/>.</summary>
    public static string ApiKeyActor(string role, string? employeeEmail = null) => $"api-key:{ApiKeyName(role, employeeEmail)}";

    /// <summary>Path of this instance's SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>The app's connection string: the file, and the busy timeout when one was given.</summary>
    public string DatabaseConnectionString
    {
        get
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = DatabasePath };
            if (databaseBusyTimeout is { } timeout)
            {
                builder.DefaultTimeout = (int)timeout.TotalSeconds;
            }

            return builder.ToString();
        }
    }

    /// <summary>Base address of the real server; only after <see cref="StartKestrel"/>.</summary>
    public Uri ServerAddress =>
        serverAddress ?? throw new InvalidOperationException("Call StartKestrel() before asking for the server address.");

    /// <param name="redisConnectionString">Sets <c>ConnectionStrings:Redis</c> (L2 cache and pub/sub); none by default.</param>
    /// <param name="environment">Hosting environment; Development by default.</param>
    /// <param name="settings">
    /// Further configuration, e.g. <c>Cache:Policies:Status:Ttl</c>. A null value leaves a key to the app's
    /// own configuration instead of this host's (e.g. <c>RateLimits:Api:PerSecond</c>, which the host turns off).
    /// </param>
    /// <param name="services">Changes to the app's services, applied after its own registrations (e.g. a fake clock).</param>
    /// <param name="databaseBusyTimeout">How long the app's queries wait for a locked SQLite file (whole seconds); SQLite's 30 s by default.</param>
    public static DirectoryAppFactory Create(
        string? redisConnectionString = null,
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TimeSpan? databaseBusyTimeout = null) =>
        new(redisConnectionString, environment, settings, services, databaseBusyTimeout);

    /// <summary>Starts the app on Kestrel at a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        if (serverAddress is null)
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
            serverAddress = new Uri(address);
        }

        return serverAddress;
    }

    /// <summary>
    /// Starts the app on Kestrel at the addresses its own configuration names (<c>urls</c>, plus any the app adds,
    /// such as <c>Management:Urls</c>), as a deployed server binds them; returns every address it listens on.
    /// </summary>
    public IReadOnlyCollection<string> StartKestrelAtConfiguredUrls()
    {
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel started without reporting the addresses it listens on.");
        serverAddress = new Uri(addresses.First());
        return [.. addresses];
    }

    /// <summary>
    /// A client sending an API key that acts with <paramref name="role"/> (an admin unless told otherwise: every
    /// scope; an employee: <c>directory:read</c>, as the employee with <paramref name="employeeEmail"/> when given). The key is created once
    /// per role and employee through the application's own key store. Fails the test on any 5xx, whatever
    /// the test itself asserts.
    /// </summary>
    public HttpClient CreateApiClient(string role = DirectoryRoles.Admin, string? employeeEmail = null)
    {
        var key = apiKeys.GetOrAdd(
            $"{role}|{employeeEmail}",
            _ => new Lazy<Task<string>>(() => Task.Run(() => CreateApiKeyAsync(ApiKeyName(role, employeeEmail), role, employeeEmail))));
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key.Value.GetAwaiter().GetResult());
        return client;
    }

    /// <summary>
    /// A client sending a new API key with exactly <paramref name="scopes"/> (acting for the employee with
    /// <paramref name="employeeEmail"/> when given), made through the application's own key store; returns the key's id too.
    /// </summary>
    public async Task<(HttpClient Client, int KeyId)> CreateScopedApiClientAsync(string name, IReadOnlyList<string> scopes, string? employeeEmail = null, DateTimeOffset? expiresAt = null)
    {
        var result = await Services.GetRequiredService<ApiKeyStore>().CreateAsync(new ApiKeyDraft(name, scopes, employeeEmail, expiresAt), "tests");
        var created = result.Value
            ?? throw new InvalidOperationException($"Could not create an API key with {string.Join(' ', scopes)}: {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.Secret);
        return (client, created.Key.Id);
    }

    /// <summary>A client with no credentials that does not follow redirects; fails the test on any 5xx.</summary>
    public HttpClient CreateAnonymousClient() => WithServerAddress(CreateDefaultClient(new ServerErrorGuard()));

    /// <summary>A client that keeps cookies in <paramref name="cookies"/> and does not follow redirects, like a browser tab.</summary>
    public HttpClient CreateCookieClient(CookieContainer cookies) =>
        WithServerAddress(CreateDefaultClient(new ServerErrorGuard(), new CookieContainerHandler(cookies)));

    /// <summary>
    /// Signs in through the login form and returns a client holding the sign-in cookie. Like a script on the app's own
    /// pages it sends <c>X-Requested-With</c>, which unsafe API calls by cookie need; a test playing a forged cross-site
    /// request removes it.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string? password = null)
    {
        var client = CreateCookieClient(new CookieContainer());
        using var response = await LoginForm.SubmitAsync(client, email, password ?? DemoPassword);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.ToString() is not { } location || location.Contains("/account/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        client.DefaultRequestHeaders.Add(CookieApiCsrfGuard.HeaderName, "XMLHttpRequest");
        return client;
    }

    /// <summary>Creates an account through the application's provisioning (every Identity rule applies).</summary>
    public async Task CreateAccountAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountProvisioner>().EnsureAccountAsync(email, password, role);
        if (result.Change != AccountChange.Created)
        {
            throw new InvalidOperationException($"The account {email} was not created ({result.Change}): {string.Join(" ", result.Errors)}");
        }
    }

    /// <summary>The employees the three demo employee accounts belong to: the first three of the roster.</summary>
    public Task<List<(int Id, string Email)>> DemoEmployeesAsync() =>
        QueryDatabaseAsync(async db => (await db.Employees
                .OrderBy(e => e.Id)
                .Take(DemoAccounts.EmployeeCount)
                .Select(e => new { e.Id, e.Email })
                .ToListAsync())
            .ConvertAll(e => (e.Id, e.Email)));

    /// <summary>Reads the database directly, bypassing the services and their cache: what the data says.</summary>
    public async Task<T> QueryDatabaseAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var contexts = Services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        return await query(context);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting, not ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        var effective = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = DatabaseConnectionString,
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = SeedEmployees.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:Api:PerSecond"] = "0",
            ["RateLimits:SignIn:PerMinute"] = "0",
            ["RateLimits:Presence:PerMinute"] = "0",
            ["ConnectionStrings:Redis"] = redisConnectionString,
        };
        if (environment != Environments.Development && !settings.Keys.Any(key => key.StartsWith("DataProtection:", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var (key, value) in TestCertificate.Shared.PfxSettings())
            {
                effective[key] = value;
            }
        }

        foreach (var (key, value) in settings)
        {
            effective[key] = value;
        }

        // A null value leaves the key to the app's own configuration (appsettings, defaults).
        foreach (var (key, value) in effective.Where(setting => setting.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            // Even when the host fails to shut down cleanly the files must go; the failure still surfaces.
            DeleteDatabase();
            GC.SuppressFinalize(this);
        }
    }

    private static string ApiKeyName(string role, string? employeeEmail) =>
        employeeEmail is null ? $"tests ({role})" : $"tests ({role}, {employeeEmail})";

    private async Task<string> CreateApiKeyAsync(string name, string role, string? employeeEmail)
    {
        var result = await Services.GetRequiredService<ApiKeyStore>().CreateAsync(new ApiKeyDraft(name, Scopes: null, employeeEmail, Role: role), "tests");
        return result.Value?.Secret
            ?? throw new InvalidOperationException($"Could not create an API key for {role}: {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
    }

    /// <summary>In memory, requests go to https://localhost: the scheme a production deployment serves, so Secure cookies come back.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.BaseAddress = new Uri("https://localhost");
    }

    private HttpClient WithServerAddress(HttpClient client)
    {
        if (serverAddress is not null)
        {
            client.BaseAddress = serverAddress;
        }

        return client;
    }

    private void DeleteDatabase()
    {
        if (databaseDeleted)
        {
            return;
        }

        databaseDeleted = true;
        using (var connection = new SqliteConnection(DatabaseConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(DatabasePath + suffix);
            }
            catch (IOException)
            {
                // Best effort: a leftover file in the temp folder must not fail the test run.
            }
        }
    }
}
