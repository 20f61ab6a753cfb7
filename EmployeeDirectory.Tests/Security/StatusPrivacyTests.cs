using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Auth;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, privacy: the notes in someone's status history and who changed their status are for them and for
/// admins. Another employee reading over the API sees In/Out, times and the current note, with notes and "changed by"
/// left out; <c>Privacy:ShowStatusHistoryToEveryone</c> shows them to everyone.
/// </summary>
public sealed class StatusPrivacyTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    [Fact]
    public async Task AnotherEmployeeSeesNeitherTheHistoryNotesNorWhoChangedTheStatus()
    {
        var (someone, _) = await ChangedByAnAdminAsync(app, "at the clinic");
        var other = await app.ClientAsync(Caller.EmployeeCookie);

        var history = await ApiJson.GetAsync<PresenceHistoryResponse>(other, $"/api/employees/{someone}/presence/history");
        var employee = await ApiJson.GetAsync<EmployeeResponse>(other, $"/api/employees/{someone}");
        var listed = await ApiJson.GetAsync<EmployeePageResponse>(other, $"/api/employees?pageSize=100");

        Assert.NotEmpty(history.Items);
        Assert.All(history.Items, item => Assert.Equal((null, null), (item.Note, item.By)));
        Assert.Null(employee.Presence.ChangedBy);
        Assert.Equal("at the clinic", employee.Presence.Note);
        Assert.Null(Assert.Single(listed.Items, item => item.Id == someone).Presence.ChangedBy);
    }

    [Fact]
    public async Task ThePersonThemselfAndAdminsSeeThem()
    {
        var own = await app.OwnEmployeeAsync();
        await ChangedByAnAdminAsync(app, "dentist", own.Id);

        foreach (var caller in new[] { Caller.EmployeeCookie, Caller.EmployeeKey, Caller.AdminCookie, Caller.AdminKey })
        {
            var client = await app.ClientAsync(caller);
            var history = await ApiJson.GetAsync<PresenceHistoryResponse>(client, $"/api/employees/{own.Id}/presence/history?pageSize=1");
            var employee = await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{own.Id}");

            Assert.Equal(("dentist", DirectoryAppFactory.ApiKeyActor(Web.Auth.DirectoryRoles.Admin)), (history.Items[0].Note, history.Items[0].By));
            Assert.Equal(DirectoryAppFactory.ApiKeyActor(Web.Auth.DirectoryRoles.Admin), employee.Presence.ChangedBy);
        }
    }

    [Fact]
    public async Task WithTheSettingOnEveryoneSeesThem()
    {
        await using var open = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Privacy:ShowStatusHistoryToEveryone"] = "true" });
        var (someone, by) = await ChangedByAnAdminAsync(open, "in Lisbon");
        using var reader = open.CreateApiClient(Web.Auth.DirectoryRoles.Employee);

        var history = await ApiJson.GetAsync<PresenceHistoryResponse>(reader, $"/api/employees/{someone}/presence/history?pageSize=1");
        var employee = await ApiJson.GetAsync<EmployeeResponse>(reader, $"/api/employees/{someone}");

        Assert.Equal(("in Lisbon", by), (history.Items[0].Note, history.Items[0].By));
        Assert.Equal(by, employee.Presence.ChangedBy);
    }

    /// <summary>An admin key sets employee <paramref name="id"/>'s status (by default the 31st of the roster, nobody's own) with a note.</summary>
    private static async Task<(int Id, string By)> ChangedByAnAdminAsync(DirectoryAppFactory factory, string note, int? id = null)
    {
        var employee = id ?? (await RosterEntry.LoadAsync(factory))[30].Id;
        using var admin = factory.CreateApiClient();
        var saved = await ApiJson.ReadAsync<PresenceResponse>(await ApiJson.PutAsync(admin, $"/api/employees/{employee}/presence", new { status = "Out", note }));
        return (employee, saved.ChangedBy!);
    }
}
