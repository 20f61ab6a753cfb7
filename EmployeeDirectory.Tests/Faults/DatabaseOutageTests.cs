using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Tests.Observability;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Observability;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// The database stops answering (another connection holds the SQLite file's exclusive lock) under a server with
/// Redis. What the cache holds is still served; writes are refused with 503 ProblemDetails and Retry-After, and
/// nothing of them is saved (neither the row nor its outbox intent); readiness is Unhealthy. The app's
/// connection string waits 1 s for a lock (<c>Default Timeout</c>), not SQLite's default 30 s.
/// </summary>
[Collection(FaultsTestGroup.Name)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private DirectoryAppFactory _app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _app = DirectoryAppFactory.Create(_redis.ConnectionString, databaseBusyTimeout: TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WithTheDatabaseLockedCachedReadsAreServedWritesAnswer503ProblemsNothingIsSavedAndReadinessIsUnhealthy()
    {
        using var client = await SignedInClientAsync();
        var employees = (await ApiJson.GetAsync<EmployeePageResponse>(client, "api/employees?pageSize=5")).Items;
        var id = employees[0].Id;
        var before = await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}");
        var intentsBefore = await _app.QueryDatabaseAsync(db => db.CacheIntents.CountAsync(Token));
        var requests = 2;
        var failures = 0;

        await using (await SqliteFileLock.AcquireAsync(_app.DatabasePath))
        {
            // Reads the cache can answer: one employee, a page of the directory, a search.
            foreach (var path in new[] { $"api/employees/{id}", "api/employees?pageSize=5", $"api/employees?q={Uri.EscapeDataString(before.FamilyName)}" })
            {
                using var read = await client.GetAsync(path, Token);
                requests++;
                failures += read.StatusCode == HttpStatusCode.OK ? 0 : 1;
                Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)read.StatusCode} with the database locked: {await read.Content.ReadAsStringAsync(Token)}");
            }

            Assert.Equal(before, await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}"));
            requests++;

            var flipped = before.Presence.Status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
            using var presence = await ApiJson.PutAsync(client, $"api/employees/{id}/presence", new PresenceRequest(flipped.ToString(), "during the outage", ExpectedStamp: before.Presence.Stamp));
            using var profile = await ApiJson.PutAsync(client, $"api/employees/{id}", ProfileRequestFrom(before) with { Title = "Saved during the outage" });
            requests += 2;
            await AssertUnavailableAsync(presence);
            await AssertUnavailableAsync(profile);

            var ready = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath);
            requests++;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", ready.Checks["database"].Status);
        }

        var released = Stopwatch.StartNew();
        // Nothing half-saved: the row and the outbox are as they were, and the reads still say so.
        var stored = await _app.QueryDatabaseAsync(db => db.Employees.AsNoTracking().SingleAsync(e => e.Id == id, Token));
        Assert.Equal((before.Title, before.Presence.Stamp, before.Presence.Status, before.Presence.Note), (stored.Title, stored.PresenceVersion, stored.Presence, stored.PresenceNote));
        Assert.Equal(intentsBefore, await _app.QueryDatabaseAsync(db => db.CacheIntents.CountAsync(Token)));
        Assert.Equal(before, await ApiJson.GetAsync<EmployeeResponse>(client, $"api/employees/{id}"));

        // And the first write after the lock is released goes through.
        using var retried = await ApiJson.PutAsync(client, $"api/employees/{id}/presence", new PresenceRequest(PresenceStatus.In.ToString(), "after the outage", ExpectedStamp: before.Presence.Stamp));
        var saved = await ApiJson.ReadAsync<PresenceResponse>(retried);
        var recovery = released.Elapsed;
        requests += 2;
        Assert.Equal(before.Presence.Stamp + 1, saved.Stamp);

        new FaultFigures(
            "database locked", requests, failures, LostWrites: 0, StaleReads: 0, recovery,
            "from releasing the lock until a write succeeds",
            "2 writes refused with 503 and Retry-After, nothing of them saved; readiness Unhealthy").Print();
    }

    /// <summary>A cookie client (the demo admin) that reports 5xx answers instead of failing on them, signed in before the outage.</summary>
    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = _app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        using var signIn = await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, _app.DemoPassword);
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        client.DefaultRequestHeaders.Add(Web.Auth.CookieApiCsrfGuard.HeaderName, "XMLHttpRequest");
        return client;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(ApiProblems.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Token);
        Assert.Equal("The directory's database is unavailable", problem!.Title);
        Assert.Contains("nothing was saved", problem.Detail, StringComparison.Ordinal);
    }

    private static ProfileRequest ProfileRequestFrom(EmployeeResponse employee) =>
        new(employee.GivenName, employee.FamilyName, employee.DisplayName, employee.Title, employee.Department, employee.Email, employee.Phone, employee.Location, employee.ConcurrencyStamp.ToString());
}
