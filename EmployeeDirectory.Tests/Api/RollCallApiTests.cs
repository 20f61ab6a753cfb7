using System.Text.Json;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>GET /api/roll-call: {total, in, out, departments: [{name, in, out}], locations: [{name, in, out}]}.</summary>
public sealed class RollCallApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Employee);

    [Fact]
    public async Task TheRollCallCountsEveryoneByDepartmentAndLocationInTheDocumentedShape()
    {
        var roster = await RosterEntry.LoadAsync(app);
        using var response = await client.GetAsync("/api/roll-call", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;

        Assert.Equal(["total", "in", "out", "departments", "locations"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "in", "out"], root.GetProperty("departments")[0].EnumerateObject().Select(p => p.Name));
        var rollCall = root.Deserialize<RollCallResponse>(ApiJson.Options)!;
        Assert.Equal(roster.Count, rollCall.Total);
        Assert.Equal(roster.Count(e => e.Presence == PresenceStatus.In), rollCall.In);
        Assert.Equal(roster.Count(e => e.Presence == PresenceStatus.Out), rollCall.Out);
        foreach (var location in roster.GroupBy(e => e.Location))
        {
            var counted = rollCall.Locations.Single(l => l.Name == location.Key);
            Assert.Equal((location.Count(e => e.Presence == PresenceStatus.In), location.Count(e => e.Presence == PresenceStatus.Out)), (counted.In, counted.Out));
        }

        Assert.Equal(rollCall.In, rollCall.Departments.Sum(d => d.In));
    }

    [Fact]
    public async Task APresenceChangeShowsInTheNextRollCall()
    {
        var before = await ApiJson.GetAsync<RollCallResponse>(client, "/api/roll-call");
        var employee = (await RosterEntry.LoadAsync(app)).First(e => e.Presence == PresenceStatus.Out);

        (await ApiJson.PutAsync(app.CreateApiClient(), $"/api/employees/{employee.Id}/presence", new { status = "In" })).EnsureSuccessStatusCode();

        var after = await ApiJson.GetAsync<RollCallResponse>(client, "/api/roll-call");
        Assert.Equal(before.In + 1, after.In);
        Assert.Equal(before.Locations.Single(l => l.Name == employee.Location).In + 1, after.Locations.Single(l => l.Name == employee.Location).In);
    }
}
