using System.Net;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, the long-lived admin stream: <c>GET /api/admin/cache/evictions</c> does not outlive the right to
/// it. When its key is revoked, or its account loses the Admin role, it sends an <c>end</c> event and closes within
/// a few seconds; while the caller stays an admin it stays open.
/// </summary>
public sealed class EvictionStreamRevocationTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private const string Stream = "/api/admin/cache/evictions";
    private static readonly TimeSpan Ends = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TheStreamOfARevokedKeyEndsAndTheStreamOfAKeyStillActiveGoesOn()
    {
        var (revoked, revokedId) = await app.CreateScopedApiClientAsync("operator script, stolen", [ApiKeyScopes.Admin]);
        var (kept, _) = await app.CreateScopedApiClientAsync("operator script", [ApiKeyScopes.Admin]);
        using var revokedEvents = await OpenAsync(revoked);
        using var keptEvents = await OpenAsync(kept);

        await app.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(revokedId, "tests", TestContext.Current.CancellationToken);

        var (kind, _) = await ServerSentEvents.NextAsync(revokedEvents, Ends);
        Assert.Equal("end", kind);
        // And then it closes: the rest of it arrives, without another event.
        var rest = await revokedEvents.ReadToEndAsync(TestContext.Current.CancellationToken).WaitAsync(Ends, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("event:", rest, StringComparison.Ordinal);

        // The other stream is still open and still carries evictions.
        var (id, _) = (await app.DemoEmployeesAsync())[0];
        using var writer = app.CreateApiClient();
        (await Api.ApiJson.PutAsync(writer, $"/api/employees/{id}/presence", new { status = "Out" })).EnsureSuccessStatusCode();
        Assert.Equal("eviction", (await ServerSentEvents.NextAsync(keptEvents, Ends)).Kind);
    }

    [Fact]
    public async Task TheStreamOfAnAccountThatLosesTheAdminRoleEnds()
    {
        const string email = "stream.watcher@example.com";
        await app.CreateAccountAsync(email, "a long enough passphrase", DirectoryRoles.Admin);
        using var admin = await app.SignInAsync(email, "a long enough passphrase");
        using var events = await OpenAsync(admin);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.RemoveFromRoleAsync(user!, DirectoryRoles.Admin)).Succeeded);
        }

        Assert.Equal("end", (await ServerSentEvents.NextAsync(events, Ends)).Kind);
    }

    private static async Task<StreamReader> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri(Stream, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ready", (await ServerSentEvents.NextAsync(events)).Kind);
        return events;
    }
}
