using System.Net;
using System.Text.Json;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>
/// The presence stamp on PUT /api/employees/{id}/presence: a change sent with the stamp it replaces is saved
/// only while that stamp is current; a stale one is a 409 carrying the stored presence, and saves nothing.
/// Each test works on its own employee.
/// </summary>
public sealed class PresenceStampApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    [Fact]
    public async Task AChangeSentWithTheCurrentStampIsSavedAndRaisesTheStampByOne()
    {
        var (id, current) = await CurrentAsync(10);

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = Flip(current.Status), note = "seen", expectedStamp = current.Stamp }));

        Assert.Equal(current.Stamp + 1, saved.Stamp);
        Assert.Equal(saved, (await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}")).Presence);
    }

    [Fact]
    public async Task AChangeSentWithAStaleStampIsA409WithTheStoredPresenceAndSavesNothing()
    {
        var (id, stale) = await CurrentAsync(11);
        var other = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = Flip(stale.Status), note = "changed elsewhere" }));

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = stale.Status.ToString(), note = "undo", expectedStamp = stale.Stamp });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        var stored = problem.GetProperty(ApiProblems.PresenceExtension).Deserialize<PresenceResponse>(ApiJson.Options);
        Assert.Equal(other, stored);
        Assert.Equal(other, (await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}")).Presence);
    }

    [Fact]
    public async Task AChangeSentWithoutAStampIsSavedWhateverChangedBefore()
    {
        var (id, current) = await CurrentAsync(12);
        (await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = Flip(current.Status) })).EnsureSuccessStatusCode();

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{id}/presence", new { status = "In", note = "badge reader" }));

        Assert.Equal((PresenceStatus.In, "badge reader", current.Stamp + 2), (saved.Status, saved.Note, saved.Stamp));
    }

    private async Task<(int Id, PresenceResponse Presence)> CurrentAsync(int index)
    {
        var id = (await RosterEntry.LoadAsync(app))[index].Id;
        return (id, (await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}")).Presence);
    }

    private static string Flip(PresenceStatus status) => (status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In).ToString();
}
