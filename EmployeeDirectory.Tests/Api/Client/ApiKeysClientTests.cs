using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Api.Client;

/// <summary>
/// Managing API keys (a signed-in admin, as the document says: no key may), unlocking accounts and resetting the cache
/// (an admin key) through the client generated from the OpenAPI document.
/// </summary>
public sealed class ApiKeysClientTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task AKeyCreatedThroughTheClientWithScopesAndAnExpiryDoesWhatItsScopesAllowIsListedWithoutItsSecretAndStopsWorkingWhenRevoked()
    {
        using var http = await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail);
        var admin = new DirectoryApiClient(http);
        var expires = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(30).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var someone = (await RosterEntry.LoadAsync(app))[3].Id;

        var created = await admin.CreateApiKeyAsync(
            new ApiKeyRequest { Name = "phone-book sync", Scopes = [ApiKeyScope.DirectoryRead], ExpiresAt = expires }, TestContext.Current.CancellationToken);
        using var keyHttp = app.CreateAnonymousClient();
        keyHttp.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.Key);
        var withKey = new DirectoryApiClient(keyHttp);
        var before = await withKey.GetRollCallAsync(TestContext.Current.CancellationToken);
        var notItsScope = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => withKey.SetPresenceAsync(
            someone, new PresenceRequest { Status = PresenceStatus.In }, TestContext.Current.CancellationToken));

        var listed = (await admin.ListApiKeysAsync(TestContext.Current.CancellationToken)).Single(k => k.Id == created.Details.Id);
        var listing = await http.GetStringAsync("/api/admin/api-keys", TestContext.Current.CancellationToken);
        await admin.RevokeApiKeyAsync(created.Details.Id, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => withKey.GetRollCallAsync(TestContext.Current.CancellationToken));

        Assert.True(before.Total > 0);
        Assert.Equal(403, notItsScope.StatusCode);
        Assert.Equal([ApiKeyScope.DirectoryRead], created.Details.Scopes);
        Assert.Equal(("phone-book sync", expires, null), (listed.Name, listed.ExpiresAt, listed.RevokedAt));
        Assert.Equal([ApiKeyScope.DirectoryRead], listed.Scopes);
        Assert.NotNull(listed.LastUsedAt);
        Assert.Contains("\"scopes\":[\"directory:read\"]", listing, StringComparison.Ordinal);
        Assert.StartsWith(listed.Preview, created.Key, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key, listing, StringComparison.Ordinal);
        Assert.Equal(401, refused.StatusCode);
        Assert.NotNull((await admin.ListApiKeysAsync(TestContext.Current.CancellationToken)).Single(k => k.Id == created.Details.Id).RevokedAt);
    }

    [Fact]
    public async Task RevokingAKeyNobodyHasIsAProblemWithStatus404ThroughTheClient()
    {
        using var http = await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail);

        var missing = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(
            () => new DirectoryApiClient(http).RevokeApiKeyAsync(int.MaxValue, TestContext.Current.CancellationToken));

        Assert.Equal((404, "API key not found"), (missing.StatusCode, missing.Result.Title));
    }

    [Fact]
    public async Task NoKeyCanManageKeysThroughTheClientNotEvenOneWithEveryScope()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);
        var client = new DirectoryApiClient(http);

        var listing = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => client.ListApiKeysAsync(TestContext.Current.CancellationToken));
        var creating = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => client.CreateApiKeyAsync(
            new ApiKeyRequest { Name = "minted by a key", Scopes = [ApiKeyScope.Admin] }, TestContext.Current.CancellationToken));

        Assert.Equal((403, 403), (listing.StatusCode, creating.StatusCode));
        Assert.Equal(0, await app.QueryDatabaseAsync(db => db.ApiKeys.CountAsync(k => k.Name == "minted by a key")));
    }

    [Fact]
    public async Task UnlockingAnAccountNobodyHasIsAProblemWithStatus404ThroughTheClient()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);

        var missing = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => new DirectoryApiClient(http).UnlockAccountAsync(
            new UnlockAccountRequest { Email = "nobody@example.com" }, TestContext.Current.CancellationToken));

        Assert.Equal((404, "Account not found"), (missing.StatusCode, missing.Result.Title));
    }

    [Fact]
    public async Task ResettingTheCacheThroughTheClientMovesItToANewGeneration()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);
        var client = new DirectoryApiClient(http);

        var first = await client.ResetCacheAsync(TestContext.Current.CancellationToken);
        var second = await client.ResetCacheAsync(TestContext.Current.CancellationToken);

        Assert.True(second.Generation > first.Generation, $"generation {first.Generation} then {second.Generation}");
    }
}
