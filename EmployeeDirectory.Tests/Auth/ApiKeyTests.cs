using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>Admins create, list and revoke API keys over the API; a key works at once, and stops at once.</summary>
public sealed class ApiKeyTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    [Fact]
    public async Task ACreatedKeyIsShownOnceStoredOnlyAsAHashAndWorksAtOnce()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);

        var created = await CreateAsync(admin, new { name = "door script", role = "admin" });
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("details").GetProperty("id").GetInt32();

        Assert.StartsWith("edk_", key, StringComparison.Ordinal);
        Assert.Equal(DirectoryRoles.Admin, created.GetProperty("details").GetProperty("role").GetString());
        Assert.Equal(DirectoryAppFactory.DemoAdminEmail, created.GetProperty("details").GetProperty("createdBy").GetString());
        var listed = await admin.GetStringAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"door script\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], listed, StringComparison.Ordinal);
        var stored = await app.QueryDatabaseAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id, TestContext.Current.CancellationToken));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored.KeyHash);
        Assert.Equal(key[..8], stored.Preview);

        using var client = WithKey(key);
        using var response = await client.GetAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingOnItsNextRequest()
    {
        var admin = await app.ClientAsync(Caller.AdminKey);
        var created = await CreateAsync(admin, new { name = "to be revoked", role = "Employee" });
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
        Assert.Equal(DirectoryAppFactory.ApiKeyActor(DirectoryRoles.Admin), stored.RevokedBy);
    }

    [Fact]
    public async Task AnEmployeeKeyActsOnlyForTheEmployeeItNames()
    {
        var admin = await app.ClientAsync(Caller.AdminCookie);
        var roster = await RosterEntry.LoadAsync(app);
        var created = await CreateAsync(admin, new { name = "badge reader", role = "Employee", employeeEmail = roster[20].Email.ToUpperInvariant() });
        using var reader = WithKey(created.GetProperty("key").GetString()!);

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(reader, $"/api/employees/{roster[20].Id}/presence", new { status = "In" }));
        using var someoneElse = await ApiJson.PutAsync(reader, $"/api/employees/{roster[21].Id}/presence", new { status = "In" });

        Assert.Equal("api-key:badge reader", saved.ChangedBy);
        await ApiAssert.ProblemAsync(someoneElse, HttpStatusCode.Forbidden);
        Assert.Equal(roster[21], await RosterEntry.LoadAsync(app, roster[21].Id));
    }

    [Theory]
    [InlineData("""{"role":"Admin"}""", "name")]
    [InlineData("""{"name":"   ","role":"Admin"}""", "name")]
    [InlineData("""{"name":"{long}","role":"Admin"}""", "name")]
    [InlineData("""{"name":"badge\u202Ereader","role":"Admin"}""", "name")]
    [InlineData("""{"name":"x","role":"Owner"}""", "role")]
    [InlineData("""{"name":"x"}""", "role")]
    [InlineData("""{"name":"x","role":"Admin","employeeEmail":"alberta.bayer@contoso.example"}""", "employeeEmail")]
    [InlineData("""{"name":"x","role":"Employee","employeeEmail":"nobody.at.all@contoso.example"}""", "employeeEmail")]
    [InlineData("""{"name":"x","role":"Employee","employeeEmail":"not an email"}""", "employeeEmail")]
    public async Task ABadKeyRequestNamesTheFieldAndCreatesNothing(string body, string field)
    {
        var admin = await app.ClientAsync(Caller.AdminKey);
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
