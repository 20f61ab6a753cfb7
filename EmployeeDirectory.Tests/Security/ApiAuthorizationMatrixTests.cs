using System.Net;
using System.Net.Http.Json;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse and authorisation matrix, the API: every route (and the OpenAPI document, the health and metrics endpoints)
/// for every kind of caller: anonymous; an employee and an admin by cookie; API keys with each scope alone (a reader,
/// a badge reader, an HR feed, an operator's script), with every scope, and acting for one employee; a revoked and an
/// expired key. Reading needs an account or directory:read; setting presence the employee themself, an admin or
/// presence:write; editing profiles an admin or profile:write; the admin API an admin or the admin scope; and
/// managing keys a signed-in admin, never a key. Refusals are 401 or 403 problems (never a redirect to the login
/// page) and change nothing.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode NoContent = HttpStatusCode.NoContent;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    /// <summary>
    /// Route, then the expected status for: anonymous (and keys that no longer work), an employee (cookie, or a key
    /// acting for them), an admin signed in, a key with every scope, then keys with one scope each: directory:read,
    /// presence:write, profile:write, admin.
    /// </summary>
    private static readonly Rule[] Rules =
    [
        new("GET /api/employees", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("GET /api/employees/{other}", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("GET /api/departments", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("GET /api/employees/{other}/presence/history", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("GET /api/roll-call", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("GET /api/employees/export.csv", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("GET /api/employees/{other}/vcard", Unauthorized, Ok, Ok, Ok, Reader: Ok, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("PUT /api/employees/{own}", Unauthorized, Forbidden, Ok, Ok, Reader: Forbidden, Badge: Forbidden, Profile: Ok, AdminScope: Forbidden),
        new("PUT /api/employees/{other}", Unauthorized, Forbidden, Ok, Ok, Reader: Forbidden, Badge: Forbidden, Profile: Ok, AdminScope: Forbidden),
        new("PUT /api/employees/{own}/presence", Unauthorized, Ok, Ok, Ok, Reader: Forbidden, Badge: Ok, Profile: Forbidden, AdminScope: Forbidden),
        new("PUT /api/employees/{other}/presence", Unauthorized, Forbidden, Ok, Ok, Reader: Forbidden, Badge: Ok, Profile: Forbidden, AdminScope: Forbidden),

        // Keys never manage keys, whatever their scopes: a stolen key cannot mint one that outlives its revocation.
        new("GET /api/admin/api-keys", Unauthorized, Forbidden, Ok, Forbidden, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("POST /api/admin/api-keys", Unauthorized, Forbidden, Created, Forbidden, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("DELETE /api/admin/api-keys/{key}", Unauthorized, Forbidden, NoContent, Forbidden, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: Forbidden),
        new("POST /api/admin/accounts/unlock", Unauthorized, Forbidden, NoContent, NoContent, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: NoContent),
        new("POST /api/admin/cache/reset", Unauthorized, Forbidden, Ok, Ok, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: Ok),

        // The document describes the admin API too, so only admins read it.
        new("GET /openapi/v1.json", Unauthorized, Forbidden, Ok, Ok, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: Ok),

        // The admin area refuses non-admins even where nothing is mapped: its layout stays private.
        new("GET /api/admin/nothing-here", Unauthorized, Forbidden, NotFound, NotFound, Reader: Forbidden, Badge: Forbidden, Profile: Forbidden, AdminScope: NotFound),

        // Probes and the scrape endpoint are for load balancers and Prometheus, which do not sign in.
        new("GET /health/live", Ok, Ok, Ok, Ok, Reader: Ok, Badge: Ok, Profile: Ok, AdminScope: Ok),
        new("GET /health/ready", Ok, Ok, Ok, Ok, Reader: Ok, Badge: Ok, Profile: Ok, AdminScope: Ok),
        new("GET /metrics", Ok, Ok, Ok, Ok, Reader: Ok, Badge: Ok, Profile: Ok, AdminScope: Ok),
    ];

    public static TheoryData<string, Caller, HttpStatusCode> Cases()
    {
        var cases = new TheoryData<string, Caller, HttpStatusCode>();
        foreach (var rule in Rules)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                cases.Add(rule.Route, caller, rule.For(caller));
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRouteAnswersEachCallerAsTheRulesSay(string route, Caller caller, HttpStatusCode expected)
    {
        var client = await app.ClientAsync(caller);
        var own = await app.OwnEmployeeAsync();
        var other = await app.OtherEmployeeAsync();
        var keyId = await CreateThrowawayKeyAsync();
        var before = await SnapshotAsync(own.Id, other.Id);

        var (method, path) = Split(route.Replace("{own}", Text(own.Id), StringComparison.Ordinal)
            .Replace("{other}", Text(other.Id), StringComparison.Ordinal)
            .Replace("{key}", Text(keyId), StringComparison.Ordinal));
        using var request = new HttpRequestMessage(method, path) { Content = await BodyForAsync(route, path) };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        if (expected is Unauthorized or Forbidden)
        {
            await ApiAssert.ProblemAsync(response, expected);
            Assert.Equal(before, await SnapshotAsync(own.Id, other.Id));
        }
        else
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == expected, $"{caller} {route}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }

    [Fact]
    public async Task AnAnonymousApiCallIsNeverRedirectedToTheLoginPage()
    {
        var client = await app.ClientAsync(Caller.Anonymous);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/employees");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Contains(ApiKeyDefaults.HeaderName, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(response.Headers.WwwAuthenticate, value => value.Scheme == ApiKeyDefaults.Scheme);
    }

    private async Task<HttpContent?> BodyForAsync(string route, string path)
    {
        if (route.StartsWith("PUT", StringComparison.Ordinal) && route.EndsWith("/presence", StringComparison.Ordinal))
        {
            return JsonContent.Create(new { status = "In", note = "matrix" }, options: ApiJson.Options);
        }

        if (route.StartsWith("PUT", StringComparison.Ordinal))
        {
            var id = int.Parse(path.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var current = await RosterEntry.LoadAsync(app, id);
            return JsonContent.Create(
                new
                {
                    givenName = current.GivenName,
                    familyName = current.FamilyName,
                    displayName = current.DisplayName,
                    title = current.Title,
                    department = current.Department,
                    email = current.Email,
                    phone = current.Phone,
                    location = current.Location,
                    concurrencyStamp = current.ConcurrencyStamp,
                },
                options: ApiJson.Options);
        }

        if (route.StartsWith("POST /api/admin/accounts", StringComparison.Ordinal))
        {
            return JsonContent.Create(new { email = (await app.OwnEmployeeAsync()).Email }, options: ApiJson.Options);
        }

        return route.StartsWith("POST", StringComparison.Ordinal)
            ? JsonContent.Create(new { name = "made by the matrix", scopes = new[] { ApiKeyScopes.DirectoryRead } }, options: ApiJson.Options)
            : null;
    }

    private async Task<int> CreateThrowawayKeyAsync()
    {
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        var created = await store.CreateAsync(new ApiKeyDraft("throwaway", [ApiKeyScopes.DirectoryRead]), "tests", TestContext.Current.CancellationToken);
        return created.Value!.Key.Id;
    }

    /// <summary>What a refused request must leave alone: both employees as stored, and every key with its revocation.</summary>
    private async Task<string> SnapshotAsync(int ownId, int otherId)
    {
        var own = await RosterEntry.LoadAsync(app, ownId);
        var other = await RosterEntry.LoadAsync(app, otherId);
        var keys = await app.QueryDatabaseAsync(db => db.ApiKeys
            .OrderBy(k => k.Id)
            .Select(k => $"{k.Id}:{k.RevokedAt != null}")
            .ToListAsync(TestContext.Current.CancellationToken));
        return $"{own}|{other}|{string.Join(",", keys)}";
    }

    private static (HttpMethod Method, string Path) Split(string route)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        return (HttpMethod.Parse(route.AsSpan(0, space)), route[(space + 1)..]);
    }

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Rule(
        string Route,
        HttpStatusCode Anonymous,
        HttpStatusCode Employee,
        HttpStatusCode Admin,
        HttpStatusCode EveryScope,
        HttpStatusCode Reader,
        HttpStatusCode Badge,
        HttpStatusCode Profile,
        HttpStatusCode AdminScope)
    {
        public HttpStatusCode For(Caller caller) => caller switch
        {
            Caller.Anonymous or Caller.RevokedKey or Caller.ExpiredKey => Anonymous,
            Caller.EmployeeCookie or Caller.EmployeeKey => Employee,
            Caller.AdminCookie => Admin,
            Caller.AdminKey => EveryScope,
            Caller.ReaderKey => Reader,
            Caller.BadgeReaderKey => Badge,
            Caller.ProfileKey => Profile,
            Caller.AdminScopeKey => AdminScope,
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
        };
    }
}
