using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;

namespace EmployeeDirectory.Tests.Api.Client;

/// <summary>Managing API keys, unlocking accounts and resetting the cache through the client generated from the OpenAPI document.</summary>
public sealed class ApiKeysClientTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task AKeyCreatedThroughTheClientWorksIsListedWithoutItsSecretAndStopsWorkingWhenRevoked()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);
        var admin = new DirectoryApiClient(http);

        var created = await admin.CreateApiKeyAsync(new ApiKeyRequest { Name = "badge reader, lobby", Role = Role.Employee }, TestContext.Current.CancellationToken);
        using var keyHttp = app.CreateAnonymousClient();
        keyHttp.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.Key);
        var withKey = new DirectoryApiClient(keyHttp);
        var before = await withKey.GetRollCallAsync(TestContext.Current.CancellationToken);

        var listed = (await admin.ListApiKeysAsync(TestContext.Current.CancellationToken)).Single(k => k.Id == created.Details.Id);
        var listing = await http.GetStringAsync("/api/admin/api-keys", TestContext.Current.CancellationToken);
        await admin.RevokeApiKeyAsync(created.Details.Id, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => withKey.GetRollCallAsync(TestContext.Current.CancellationToken));

        Assert.True(before.Total > 0);
        Assert.Equal(("badge reader, lobby", Role.Employee, null), (listed.Name, listed.Role, listed.RevokedAt));
        Assert.StartsWith(listed.Preview, created.Key, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key, listing, StringComparison.Ordinal);
        Assert.Equal(401, refused.StatusCode);
        Assert.NotNull((await admin.ListApiKeysAsync(TestContext.Current.CancellationToken)).Single(k => k.Id == created.Details.Id).RevokedAt);
    }

    [Fact]
    public async Task RevokingAKeyNobodyHasIsAProblemWithStatus404ThroughTheClient()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);

        var missing = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(
            () => new DirectoryApiClient(http).RevokeApiKeyAsync(int.MaxValue, TestContext.Current.CancellationToken));

        Assert.Equal((404, "API key not found"), (missing.StatusCode, missing.Result.Title));
    }

    [Fact]
    public async Task AnEmployeeKeyCannotManageKeysThroughTheClient()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);

        var refused = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(
            () => new DirectoryApiClient(http).ListApiKeysAsync(TestContext.Current.CancellationToken));

        Assert.Equal(403, refused.StatusCode);
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
