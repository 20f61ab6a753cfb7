using System.Net;
using System.Net.Http.Json;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Every API route (and the OpenAPI document, the health and metrics endpoints) for every kind of caller:
/// anonymous, employee and admin by cookie and by API key, and a revoked key. Browsing needs any
/// signed-in caller; setting presence needs the employee themself or an admin; editing profiles,
/// managing keys and accounts, and reading the OpenAPI document need an admin; a revoked key is nobody.
/// Refusals are 401 or 403 problems (never a redirect to the login page) and change nothing.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;

    /// <summary>Route, then the expected status for: anonymous, an employee, an admin.</summary>
    private static readonly (string Route, HttpStatusCode Anonymous, HttpStatusCode Employee, HttpStatusCode Admin)[] Rules =
    [
        ("GET /api/employees", Unauthorized, Ok, Ok),
        ("GET /api/employees/{other}", Unauthorized, Ok, Ok),
        ("GET /api/departments", Unauthorized, Ok, Ok),
        ("GET /api/employees/{other}/presence/history", Unauthorized, Ok, Ok),
        ("GET /api/roll-call", Unauthorized, Ok, Ok),
        ("GET /api/employees/export.csv", Unauthorized, Ok, Ok),
        ("GET /api/employees/{other}/vcard", Unauthorized, Ok, Ok),
        ("PUT /api/employees/{own}", Unauthorized, Forbidden, Ok),
        ("PUT /api/employees/{other}", Unauthorized, Forbidden, Ok),
        ("PUT /api/employees/{own}/presence", Unauthorized, Ok, Ok),
        ("PUT /api/employees/{other}/presence", Unauthorized, Forbidden, Ok),
        ("GET /api/admin/api-keys", Unauthorized, Forbidden, Ok),
        ("POST /api/admin/api-keys", Unauthorized, Forbidden, HttpStatusCode.Created),
        ("DELETE /api/admin/api-keys/{key}", Unauthorized, Forbidden, HttpStatusCode.NoContent),
        ("POST /api/admin/accounts/unlock", Unauthorized, Forbidden, HttpStatusCode.NoContent),
        ("POST /api/admin/cache/reset", Unauthorized, Forbidden, Ok),

        // The document describes the admin API too, so only admins read it.
        ("GET /openapi/v1.json", Unauthorized, Forbidden, Ok),

        // The admin area refuses non-admins even where nothing is mapped: its layout stays private.
        ("GET /api/admin/nothing-here", Unauthorized, Forbidden, HttpStatusCode.NotFound),

        // Probes and the scrape endpoint are for load balancers and Prometheus, which do not sign in.
        ("GET /health/live", Ok, Ok, Ok),
        ("GET /health/ready", Ok, Ok, Ok),
        ("GET /metrics", Ok, Ok, Ok),
    ];

    public static TheoryData<string, Caller, HttpStatusCode> Cases()
    {
        var cases = new TheoryData<string, Caller, HttpStatusCode>();
        foreach (var rule in Rules)
        {
            cases.Add(rule.Route, Caller.Anonymous, rule.Anonymous);
            cases.Add(rule.Route, Caller.EmployeeCookie, rule.Employee);
            cases.Add(rule.Route, Caller.EmployeeKey, rule.Employee);
            cases.Add(rule.Route, Caller.AdminCookie, rule.Admin);
            cases.Add(rule.Route, Caller.AdminKey, rule.Admin);
            cases.Add(rule.Route, Caller.RevokedKey, rule.Anonymous);
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
            ? JsonContent.Create(new { name = "made by the matrix", role = DirectoryRoles.Employee }, options: ApiJson.Options)
            : null;
    }

    private async Task<int> CreateThrowawayKeyAsync()
    {
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        var created = await store.CreateAsync(new ApiKeyDraft("throwaway", DirectoryRoles.Employee, null), "tests", TestContext.Current.CancellationToken);
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
}
