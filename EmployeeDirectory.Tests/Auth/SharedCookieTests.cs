using System.Net;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using StackExchange.Redis;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Scaled out, a browser's requests land on any server: a cookie issued by one must be read by the next.
/// Two app instances share a real redis-server (Data Protection keys) and one SQLite file.
/// </summary>
public sealed class SharedCookieTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string DataProtectionKeys = "EmployeeDirectory:DataProtection-Keys";

    [Fact]
    public async Task ACookieIssuedByOneServerIsAcceptedByAnotherSharingRedis()
    {
        await using var first = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        var cookies = new CookieContainer();
        using var onFirst = first.CreateCookieClient(cookies);
        (await LoginForm.SubmitAsync(onFirst, DirectoryAppFactory.DemoAdminEmail, first.DemoPassword)).Dispose();
        var cookie = Assert.Single(cookies.GetAllCookies(), c => c.Name == AuthHostingExtensions.CookieName);

        await using var second = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString, settings: SameDatabaseAs(first));
        using var onSecond = second.CreateAnonymousClient();
        onSecond.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");

        using var page = await onSecond.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var adminApi = await onSecond.GetAsync(new Uri("/api/admin/api-keys", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminApi.StatusCode);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keyRing = await connection.GetDatabase().ListRangeAsync(DataProtectionKeys);
        Assert.NotEmpty(keyRing);
        Assert.All(keyRing, key => Assert.StartsWith("<key id=", key.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServerWithItsOwnKeysRejectsTheCookie()
    {
        // The control: without the shared key ring the same cookie is worthless, so the test above proves Redis carries it.
        await using var first = DirectoryAppFactory.Create(redisConnectionString: redis.ConnectionString);
        var cookies = new CookieContainer();
        using var onFirst = first.CreateCookieClient(cookies);
        (await LoginForm.SubmitAsync(onFirst, DirectoryAppFactory.DemoAdminEmail, first.DemoPassword)).Dispose();
        var cookie = Assert.Single(cookies.GetAllCookies(), c => c.Name == AuthHostingExtensions.CookieName);

        await using var loner = DirectoryAppFactory.Create(settings: SameDatabaseAs(first));
        using var onLoner = loner.CreateAnonymousClient();
        onLoner.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");

        using var page = await onLoner.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await onLoner.GetAsync(new Uri("/api/employees", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private static Dictionary<string, string?> SameDatabaseAs(DirectoryAppFactory app) => new()
    {
        [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = app.DatabaseConnectionString,
        [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
    };
}
