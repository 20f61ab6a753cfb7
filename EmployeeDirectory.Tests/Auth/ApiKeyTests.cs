using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Signed-in admins create, list and revoke API keys over the API, with scopes and an optional expiry; a key works at
/// once, stops at once when revoked, stops by itself when it expires, and its last use is listed.
/// </summary>
public sealed class ApiKeyTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    private static readonly string[] ReadOnly = [ApiKeyScopes.DirectoryRead];
    private static readonly string[] PresenceAndRead = [ApiKeyScopes.PresenceWrite, ApiKeyScopes.DirectoryRead];

    [Fact]
    public async Task ACreatedKeyIsShownOnceStoredOnlyAsAHashAndWorksAtOnce()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);

        var created = await CreateAsync(admin, new { name = "door script", scopes = PresenceAndRead });
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("details").GetProperty("id").GetInt32();

        Assert.StartsWith("edk_", key, StringComparison.Ordinal);
        Assert.Equal(["directory:read", "presence:write"], created.GetProperty("details").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("details").GetProperty("expiresAt").ValueKind);
        Assert.Equal(DirectoryAppFactory.DemoAdminEmail, created.GetProperty("details").GetProperty("createdBy").GetString());
        var listed = await admin.GetStringAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"door script\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], listed, StringComparison.Ordinal);
        var stored = await app.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id, TestContext.Current.CancellationToken));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored.KeyHash);
        Assert.Equal(key[..8], stored.Preview);

        using var client = WithKey(key);
        using var response = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AKeyRecordsWhenItWasLastUsedAndTheListShowsIt()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);
        var created = await CreateAsync(admin, new { name = "phone book sync", scopes = ReadOnly });
        var id = created.GetProperty("details").GetProperty("id").GetInt32();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("details").GetProperty("lastUsedAt").ValueKind);
        var before = DateTimeOffset.UtcNow;

        using var client = WithKey(created.GetProperty("key").GetString()!);
        (await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken)).Dispose();

        var listed = await admin.GetFromJsonAsync<JsonElement>(new Uri(ApiKeysApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        var entry = listed.EnumerateArray().Single(k => k.GetProperty("id").GetInt32() == id);
        var lastUsed = entry.GetProperty("lastUsedAt").GetDateTimeOffset();
        Assert.InRange(lastUsed, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task AKeyStopsWorkingByItselfWhenItsExpiryPasses()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var created = await CreateAsync(admin, new { name = "for the demo", scopes = ReadOnly, expiresAt });
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), created.GetProperty("details").GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        using var client = WithKey(created.GetProperty("key").GetString()!);
        using (var before = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var status = await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);
                return response.StatusCode;
            },
            code => code != HttpStatusCode.OK,
            "the key to stop working once its expiry passed");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(DateTimeOffset.UtcNow >= expiresAt, "The key stopped working before its expiry.");
    }

    [Fact]
    public async Task TheOlderRoleStillWorksAsShorthandForScopes()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);

        var employee = await CreateAsync(admin, new { name = "old script", role = "Employee" });
        var everything = await CreateAsync(admin, new { name = "old admin script", role = "admin" });

        Assert.Equal(["directory:read"], employee.GetProperty("details").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(ApiKeyScopes.All, everything.GetProperty("details").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingOnItsNextRequest()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);
        var created = await CreateAsync(admin, new { name = "to be revoked", scopes = ReadOnly });
        using var client = WithKey(created.GetProperty("key").GetString()!);
        var id = created.GetProperty("details").GetProperty("id").GetInt32();
        using (var before = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await admin.DeleteAsync(new Uri($"{ApiKeysApi.Route}/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var after = await client.GetAsync(new Uri("/api/departments", UriKind.Relative), TestContext.Current.CancellationToken);
        using var again = await admin.DeleteAsync(new Uri($"{ApiKeysApi.Route}/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ApiAssert.ProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var stored = await app.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id, TestContext.Current.CancellationToken));
        Assert.NotNull(stored.RevokedAt);
        Assert.Equal(DirectoryAppFactory.DemoAdminEmail, stored.RevokedBy);
    }

    [Fact]
    public async Task AKeyActingForAnEmployeeSetsOnlyTheirStatusWithoutPresenceWrite()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);
        var roster = await RosterEntry.LoadAsync(app);
        var created = await CreateAsync(admin, new { name = "badge reader", scopes = ReadOnly, employeeEmail = roster[20].Email.ToUpperInvariant() });
        using var reader = WithKey(created.GetProperty("key").GetString()!);

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(reader, $"/api/employees/{roster[20].Id}/presence", new { status = "In" }));
        using var someoneElse = await ApiJson.PutAsync(reader, $"/api/employees/{roster[21].Id}/presence", new { status = "In" });

        Assert.Equal("api-key:badge reader", saved.ChangedBy);
        await ApiAssert.ProblemAsync(someoneElse, HttpStatusCode.Forbidden);
        Assert.Equal(roster[21], await RosterEntry.LoadAsync(app, roster[21].Id));
    }

    [Theory]
    [InlineData("""{"scopes":["admin"]}""", "name")]
    [InlineData("""{"name":"   ","scopes":["admin"]}""", "name")]
    [InlineData("""{"name":"{long}","scopes":["admin"]}""", "name")]
    [InlineData("""{"name":"badge\u202Ereader","scopes":["admin"]}""", "name")]
    [InlineData("""{"name":"x","scopes":["owner"]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["keys:manage"]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"x"}""", "scopes")]
    [InlineData("""{"name":"x","role":"Owner"}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["admin"],"role":"Admin"}""", "role")]
    [InlineData("""{"name":"x","scopes":["directory:read"],"expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"name":"x","scopes":["directory:read"],"expiresAt":"2999-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"name":"x","scopes":["directory:read"],"employeeEmail":"nobody.at.all@contoso.example"}""", "employeeEmail")]
    [InlineData("""{"name":"x","scopes":["directory:read"],"employeeEmail":"not an email"}""", "employeeEmail")]
    public async Task ABadKeyRequestNamesTheFieldAndCreatesNothing(string body, string field)
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);
        var before = await app.QueryDatabaseAsync(db => db.ApiKeys.CountAsync(TestContext.Current.CancellationToken));
        using var content = new StringContent(body.Replace("{long}", new string('n', 101), StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await admin.PostAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ApiAssert.FieldErrorAsync(response, field);
        Assert.Equal(before, await app.QueryDatabaseAsync(db => db.ApiKeys.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task RevokingAKeyThatDoesNotExistIsA404Problem()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);

        using var response = await admin.DeleteAsync(new Uri($"{ApiKeysApi.Route}/987654", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("edk_0000000000000000000000000000000000000000000")]
    [InlineData("not-a-key")]
    public async Task AnUnknownKeyIsA401ProblemEvenWithAValidCookie(string key)
    {
        // An explicit key is the caller's claim to be that client: a wrong one is refused, never ignored.
        var admin = await app.ClientAsync(Caller.AdminCookie);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        request.Headers.Add(ApiKeyDefaults.HeaderName, key);

        using var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, value => value.Scheme == ApiKeyDefaults.Scheme);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient admin, object body)
    {
        using var response = await admin.PostAsJsonAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), body, ApiJson.Options, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a key answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private HttpClient WithKey(string key)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }
}
