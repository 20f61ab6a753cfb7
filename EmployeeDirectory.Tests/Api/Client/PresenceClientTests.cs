using System.Text.Json;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api.Client;

/// <summary>Setting In/Out, reading the history and the roll call through the client generated from the OpenAPI document.</summary>
public sealed class PresenceClientTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task ABackAtTimeSetThroughTheClientIsSavedAndRecordedInTheHistory()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);
        var client = new DirectoryApiClient(http);
        var id = (await RosterEntry.LoadAsync(app))[12].Id;
        var until = new DateTimeOffset(DateTimeOffset.UtcNow.AddHours(3).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(1));

        var presence = await client.SetPresenceAsync(id, new PresenceRequest { Status = PresenceStatus.Out, Note = "dentist", Until = until }, TestContext.Current.CancellationToken);
        var history = await client.GetPresenceHistoryAsync(id, page: 1, pageSize: 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((PresenceStatus.Out, "dentist", until), (presence.Status, presence.Note, presence.Until));
        var stored = await app.QueryDatabaseAsync(db => Task.FromResult(db.Employees.Single(e => e.Id == id)));
        Assert.Equal((Core.Presence.PresenceStatus.Out, "dentist", until), (stored.Presence, stored.PresenceNote, stored.PresenceUntil));
        var change = Assert.Single(history.Items);
        Assert.Equal((PresenceStatus.Out, "dentist", until, PresenceSource.API), (change.To, change.Note, change.Until, change.Source));
    }

    [Fact]
    public async Task AChangeFromAStaleStampIsRefusedWith409CarryingTheCurrentPresence()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);
        var client = new DirectoryApiClient(http);
        var employee = await client.GetEmployeeAsync((await RosterEntry.LoadAsync(app))[13].Id, TestContext.Current.CancellationToken);
        var first = await client.SetPresenceAsync(employee.Id, new PresenceRequest { Status = PresenceStatus.In, ExpectedStamp = employee.Presence.Stamp }, TestContext.Current.CancellationToken);

        var stale = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => client.SetPresenceAsync(
            employee.Id, new PresenceRequest { Status = PresenceStatus.Out, ExpectedStamp = employee.Presence.Stamp }, TestContext.Current.CancellationToken));

        Assert.Equal(409, stale.StatusCode);
        var current = ((JsonElement)stale.Result.AdditionalProperties["presence"]).Deserialize<PresenceResponse>(JsonSerializerOptions.Web)!;
        Assert.Equal((PresenceStatus.In, first.Stamp), (current.Status, current.Stamp));
        Assert.Equal(Core.Presence.PresenceStatus.In, (await RosterEntry.LoadAsync(app, employee.Id)).Presence);
    }

    [Fact]
    public async Task AnEmployeeKeyMaySetOnlyItsOwnEmployeesStatusThroughTheClient()
    {
        var (ownId, ownEmail) = (await app.DemoEmployeesAsync())[0];
        var someoneElse = (await RosterEntry.LoadAsync(app)).First(e => e.Id != ownId && e.Presence == Core.Presence.PresenceStatus.Out);
        using var http = app.CreateApiClient(DirectoryRoles.Employee, ownEmail);
        var client = new DirectoryApiClient(http);

        var own = await client.SetPresenceAsync(ownId, new PresenceRequest { Status = PresenceStatus.In, Note = "badged in" }, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(() => client.SetPresenceAsync(
            someoneElse.Id, new PresenceRequest { Status = PresenceStatus.In }, TestContext.Current.CancellationToken));

        Assert.Equal(PresenceStatus.In, own.Status);
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(Core.Presence.PresenceStatus.Out, (await RosterEntry.LoadAsync(app, someoneElse.Id)).Presence);
    }

    [Fact]
    public async Task TheRollCallThroughTheClientCountsWhoIsInAndOut()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);
        var client = new DirectoryApiClient(http);
        var roster = await RosterEntry.LoadAsync(app);

        var rollCall = await client.GetRollCallAsync(TestContext.Current.CancellationToken);

        Assert.Equal(roster.Count, rollCall.Total);
        Assert.Equal(roster.Count(e => e.Presence == Core.Presence.PresenceStatus.In), rollCall.In);
        Assert.Equal(roster.Count(e => e.Presence == Core.Presence.PresenceStatus.Out), rollCall.Out);
        foreach (var department in roster.GroupBy(e => e.Department))
        {
            var counted = rollCall.Departments.Single(d => d.Name == department.Key);
            Assert.Equal(department.Count(e => e.Presence == Core.Presence.PresenceStatus.In), counted.In);
        }
    }
}
