using System.Net;
using System.Net.Http.Json;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, CSRF: an unsafe API call signed in by the cookie alone (what a page on a sibling site can make a
/// browser send) is a 400 problem and changes nothing; with an <c>X-Requested-With</c> header or an antiforgery token
/// (which another site cannot add) it goes through; API keys need neither; reads need neither.
/// </summary>
public sealed class CrossSiteRequestTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task ACookieOnlyCacheResetIsRefusedAndMovesNothing()
    {
        using var admin = await ForgedFromAnotherPageAsync(DirectoryAppFactory.DemoAdminEmail);
        var before = await GenerationAsync();

        using var forged = await admin.PostAsync(new Uri("/api/admin/cache/reset", UriKind.Relative), content: null, TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Contains("X-Requested-With", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await GenerationAsync());
    }

    [Fact]
    public async Task WithTheCustomHeaderOrAnAntiforgeryTokenTheCookieCallGoesThrough()
    {
        using var admin = await ForgedFromAnotherPageAsync(DirectoryAppFactory.DemoAdminEmail);
        var before = await GenerationAsync();

        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/admin/cache/reset");
        withHeader.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var reset = await admin.SendAsync(withHeader, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var afterHeader = await GenerationAsync();
        Assert.True(afterHeader > before);

        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/admin/cache/reset");
        withToken.Headers.Add("RequestVerificationToken", await LoginForm.TokenFromPageAsync(admin, "/"));
        using var again = await admin.SendAsync(withToken, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(await GenerationAsync() > afterHeader);
    }

    [Fact]
    public async Task ACookieOnlyStatusChangeIsRefusedAndSavesNothingWhileReadsNeedNoHeader()
    {
        var (id, email) = (await app.DemoEmployeesAsync())[0];
        using var employee = await ForgedFromAnotherPageAsync(email);
        var before = await PresenceVersionAsync(id);

        using var forged = await employee.PutAsJsonAsync($"/api/employees/{id}/presence", new { status = "Out", note = "forged" }, ApiJson.Options, TestContext.Current.CancellationToken);
        using var read = await employee.GetAsync(new Uri($"/api/employees/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Equal(before, await PresenceVersionAsync(id));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task AnApiKeyNeedsNeitherHeaderNorToken()
    {
        using var key = app.CreateApiClient(DirectoryRoles.Admin);

        using var reset = await key.PostAsync(new Uri("/api/admin/cache/reset", UriKind.Relative), content: null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
    }

    /// <summary>A browser signed in as <paramref name="email"/> whose requests carry the cookie and nothing else.</summary>
    private async Task<HttpClient> ForgedFromAnotherPageAsync(string email)
    {
        var client = await app.SignInAsync(email);
        client.DefaultRequestHeaders.Remove(CookieApiCsrfGuard.HeaderName);
        return client;
    }

    private Task<long> GenerationAsync() =>
        app.QueryDatabaseAsync(db => db.CacheGenerations.Select(g => g.Generation).SingleAsync(TestContext.Current.CancellationToken));

    private Task<long> PresenceVersionAsync(int id) =>
        app.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == id).Select(e => e.PresenceVersion).SingleAsync(TestContext.Current.CancellationToken));
}
