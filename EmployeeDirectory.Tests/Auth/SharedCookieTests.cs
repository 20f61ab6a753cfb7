using System.Net;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Scaled out, a browser's requests land on any server: a cookie issued by one must be read by the next,
/// and by every server after Redis restarts. The Data Protection key ring lives in the shared database:
/// two app instances share one SQLite file and a real redis-server (the cache), as replicas do.
/// </summary>
public sealed class SharedCookieTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task ACookieIssuedByOneServerIsAcceptedByAnotherSharingTheDatabase()
    {
        await using var first = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        var cookie = await SignInAsAdminAsync(first);

        await using var second = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString, settings: SameDatabaseAs(first));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await PageAndAdminApiAsync(second, cookie));
        var keyRing = await first.QueryDatabaseAsync(db => db.DataProtectionKeys.Select(key => key.Xml!).ToListAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(keyRing);
        Assert.All(keyRing, xml => Assert.StartsWith("<key id=", xml, StringComparison.Ordinal));
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.Empty(connection.GetServers().Single().Keys(pattern: "*DataProtection*"));
    }

    [Fact]
    public async Task AServerWithItsOwnKeyRingRejectsTheCookie()
    {
        // The control: a server with another database has another key ring, and the same cookie is worthless
        // there, so the test above proves the shared database carries the keys.
        await using var first = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        var cookie = await SignInAsAdminAsync(first);

        await using var loner = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);

        using var client = WithCookie(loner, cookie);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await client.GetAsync(new Uri("/api/employees", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal((HttpStatusCode.Found, HttpStatusCode.Unauthorized), (page.StatusCode, api.StatusCode));
    }

    [Fact]
    public async Task SignInsSurviveARedisRestartOnEveryServer()
    {
        await using var first = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        var cookie = await SignInAsAdminAsync(first);

        await redis.StopAsync(TestContext.Current.CancellationToken);
        await redis.StartAsync(TestContext.Current.CancellationToken);
        await using var second = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString, settings: SameDatabaseAs(first));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await PageAndAdminApiAsync(first, cookie));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), await PageAndAdminApiAsync(second, cookie));
    }

    private static async Task<Cookie> SignInAsAdminAsync(DirectoryAppFactory app)
    {
        var cookies = new CookieContainer();
        using var client = app.CreateCookieClient(cookies);
        (await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, app.DemoPassword)).Dispose();
        return Assert.Single(cookies.GetAllCookies(), c => c.Name == AuthHostingExtensions.CookieName);
    }

    private static async Task<(HttpStatusCode Page, HttpStatusCode AdminApi)> PageAndAdminApiAsync(DirectoryAppFactory app, Cookie cookie)
    {
        using var client = WithCookie(app, cookie);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var adminApi = await client.GetAsync(new Uri("/api/admin/api-keys", UriKind.Relative), TestContext.Current.CancellationToken);
        return (page.StatusCode, adminApi.StatusCode);
    }

    private static HttpClient WithCookie(DirectoryAppFactory app, Cookie cookie)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return client;
    }

    private static Dictionary<string, string?> SameDatabaseAs(DirectoryAppFactory app) => new()
    {
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = app.DatabaseConnectionString,
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
    };
}
