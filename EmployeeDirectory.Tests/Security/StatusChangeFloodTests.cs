using System.Net;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, toggle floods: <c>RateLimits:Presence:PerMinute</c> stops a script toggling a status in a loop by
/// any way in: the API by cookie or key (429 with <c>Retry-After</c>) and the presence service the pages' buttons
/// call in a circuit (a throttled result). A refused change writes nothing: no row change, no history, no outbox.
/// A badge reader setting many people's statuses is not held back by the number of people.
/// </summary>
public sealed class StatusChangeFloodTests(StatusChangeFloodTests.LimitedApp app) : IClassFixture<StatusChangeFloodTests.LimitedApp>
{
    private const int PerMinute = 3;

    [Fact]
    public async Task AnEmployeeTogglingTheirStatusOverTheApiIsStoppedAfterTheLimitAndNothingMoreIsWritten()
    {
        var (id, email) = (await app.DemoEmployeesAsync())[0];
        using var employee = await app.SignInAsync(email);
        for (var i = 0; i < PerMinute; i++)
        {
            (await ApiJson.PutAsync(employee, $"/api/employees/{id}/presence", new { status = i % 2 == 0 ? "Out" : "In" })).EnsureSuccessStatusCode();
        }

        var before = await WrittenAsync(id);
        using var flooded = await ApiJson.PutAsync(employee, $"/api/employees/{id}/presence", new { status = "Out" });

        var problem = await ApiAssert.ProblemAsync(flooded, HttpStatusCode.TooManyRequests);
        Assert.Contains("Nothing was saved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(flooded.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(before, await WrittenAsync(id));
    }

    [Fact]
    public async Task TheServiceTheCircuitsButtonsCallIsLimitedTooAndSavesNothingOverIt()
    {
        var (id, email) = (await app.DemoEmployeesAsync())[1];
        var presence = app.Services.GetRequiredService<IPresenceService>();
        var me = TestActors.Employee(id, email);
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(ServiceOutcome.Ok, (await presence.SetPresenceAsync(id, new PresenceUpdate(i % 2 == 0 ? PresenceStatus.Out : PresenceStatus.In, null), me, TestContext.Current.CancellationToken)).Outcome);
        }

        var before = await WrittenAsync(id);
        var flooded = await presence.SetPresenceAsync(id, new PresenceUpdate(PresenceStatus.Out, "one more"), me, TestContext.Current.CancellationToken);

        Assert.Equal(ServiceOutcome.Throttled, flooded.Outcome);
        Assert.NotNull(flooded.RetryAfter);
        Assert.Equal(before, await WrittenAsync(id));
    }

    [Fact]
    public async Task ABadgeReaderSettingManyPeopleIsNotHeldBackByTheirNumber()
    {
        var roster = await Api.RosterEntry.LoadAsync(app);
        var (reader, _) = await app.CreateScopedApiClientAsync("front door", [ApiKeyScopes.PresenceWrite]);

        foreach (var person in roster.Skip(10).Take(PerMinute * 3))
        {
            using var response = await ApiJson.PutAsync(reader, $"/api/employees/{person.Id}/presence", new { status = "In" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        reader.Dispose();
    }

    /// <summary>The employee's presence version, history rows and the outbox's rows: what a change writes.</summary>
    private Task<(long Version, int History, int Outbox)> WrittenAsync(int id) =>
        app.QueryDatabaseAsync(async db => (
            await db.Employees.Where(e => e.Id == id).Select(e => e.PresenceVersion).SingleAsync(TestContext.Current.CancellationToken),
            await db.PresenceHistory.CountAsync(c => c.EmployeeId == id, TestContext.Current.CancellationToken),
            await db.CacheIntents.CountAsync(TestContext.Current.CancellationToken)));

    /// <summary>The app with the status-change limit on (the test host turns it off by default).</summary>
    public sealed class LimitedApp() : DirectoryAppFactory(
        redisConnectionString: null,
        Microsoft.Extensions.Hosting.Environments.Development,
        new Dictionary<string, string?> { ["RateLimits:Presence:PerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
