using System.Net;
using System.Net.Http.Json;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Auth;

/// <summary><c>Auth:SeedApiKey</c> makes an admin key in Development, and never anywhere else.</summary>
public sealed class SeedApiKeyTests
{
    private const string SeedKey = "load-test-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    private static readonly string[] ReadOnly = [ApiKeyScopes.DirectoryRead];

    private static readonly Dictionary<string, string?> WithSeedKey = new() { ["Auth:SeedApiKey"] = SeedKey };

    [Fact]
    public async Task InDevelopmentTheSeedKeyHasEveryScope()
    {
        await using var app = DirectoryAppFactory.Create(settings: WithSeedKey);
        using var client = WithKey(app, SeedKey);

        using var adminOnly = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, adminOnly.StatusCode);
        var seeded = await app.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(key => key.CreatedBy == ApiKeyStore.SeedCreator, TestContext.Current.CancellationToken));
        Assert.Equal((ApiKeyStore.SeedName, ApiKeyScopes.Format(ApiKeyScopes.All)), (seeded.Name, seeded.Scopes));
    }

    [Fact]
    public async Task AKeyADemoAccountCreatedIsRevokedWhenTheDatabaseIsUsedOutsideDevelopment()
    {
        await using var development = DirectoryAppFactory.Create();
        using var admin = await development.SignInAsync(DirectoryAppFactory.DemoAdminEmail);
        using var created = await admin.PostAsJsonAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), new { name = "made in a demo", scopes = ReadOnly }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("key").GetString()!;
        var byOthers = await development.CreateScopedApiClientAsync("made by the tests", [ApiKeyScopes.DirectoryRead]);
        byOthers.Client.Dispose();

        await using var production = DirectoryAppFactory.Create(
            environment: Environments.Production,
            settings: new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = development.DatabaseConnectionString,
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
            });
        using var client = WithKey(production, secret);

        using var after = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(after, HttpStatusCode.Unauthorized);
        var keys = await production.QueryDatabaseAsync(db => db.ApiKeys.ToDictionaryAsync(key => key.Name, key => key.RevokedAt, TestContext.Current.CancellationToken));
        Assert.NotNull(keys["made in a demo"]);
        Assert.Null(keys["made by the tests"]);
        Assert.Contains("1 API key(s) created by demo accounts", Assert.Single(production.Logs.WithEventId(3009)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionTheSeedKeyIsIgnoredAndNothingIsStored()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: WithSeedKey);
        using var client = WithKey(app, SeedKey);

        using var response = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.QueryDatabaseAsync(db => db.ApiKeys.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AKeySeededInDevelopmentIsRevokedWhenTheDatabaseIsUsedInProduction()
    {
        await using var development = DirectoryAppFactory.Create(settings: WithSeedKey);
        using (var before = await WithKey(development, SeedKey).GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using var production = DirectoryAppFactory.Create(
            environment: Environments.Production,
            settings: new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = development.DatabaseConnectionString,
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
            });
        using var client = WithKey(production, SeedKey);

        using var after = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(after, HttpStatusCode.Unauthorized);
        var seeded = await production.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(seeded.RevokedAt);
    }

    [Fact]
    public async Task ASeedKeyAnAdminRevokedStaysRevokedWhenDevelopmentStartsAgain()
    {
        await using var first = DirectoryAppFactory.Create(settings: WithSeedKey);
        var seeded = await first.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(key => key.CreatedBy == ApiKeyStore.SeedCreator, TestContext.Current.CancellationToken));
        using (var admin = await first.SignInAsync(DirectoryAppFactory.DemoAdminEmail))
        using (var revoke = await admin.DeleteAsync(new Uri($"{ApiKeysApi.Route}/{seeded.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        var settings = new Dictionary<string, string?>(WithSeedKey)
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = first.DatabaseConnectionString,
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
        };
        await using var again = DirectoryAppFactory.Create(settings: settings);
        using var client = WithKey(again, SeedKey);

        using var response = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.NotNull((await again.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(key => key.Id == seeded.Id, TestContext.Current.CancellationToken))).RevokedAt);
        Assert.Single(again.Logs.WithEventId(3007));
    }

    [Fact]
    public async Task AShortSeedKeyStopsTheStartNamingTheSetting()
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Auth:SeedApiKey"] = "too-short" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Auth:SeedApiKey must be at least 32 characters", failure.ToString(), StringComparison.Ordinal);
    }

    private static HttpClient WithKey(DirectoryAppFactory app, string key)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }
}
