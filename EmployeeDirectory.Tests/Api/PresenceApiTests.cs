using System.Net;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>PUT /api/employees/{id}/presence. Each test works on its own employee.</summary>
public sealed class PresenceApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    [Fact]
    public async Task SettingPresenceReturnsItAndEveryReadShowsIt()
    {
        var employee = (await RosterEntry.LoadAsync(app))[3];
        var target = employee.Presence == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = target.ToString(), note = "back at 3pm" }));

        Assert.Equal(target, saved.Status);
        Assert.Equal("back at 3pm", saved.Note);
        Assert.Equal(DirectoryAppFactory.ApiKeyActor(DirectoryRoles.Admin), saved.ChangedBy);
        Assert.NotNull(saved.ChangedAt);
        Assert.InRange(saved.ChangedAt.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));

        var read = await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{employee.Id}");
        Assert.Equal(saved, read.Presence);

        var listed = await ApiJson.GetAsync<EmployeePageResponse>(client, $"/api/employees?status={target}&pageSize=100");
        Assert.Contains(listed.Items, item => item.Id == employee.Id && item.Presence == saved);

        Assert.Equal(target, (await RosterEntry.LoadAsync(app, employee.Id)).Presence);
    }

    [Fact]
    public async Task FlippingBackAndForthKeepsTheLatest()
    {
        var employee = (await RosterEntry.LoadAsync(app))[4];

        (await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In", note = "here" })).EnsureSuccessStatusCode();
        (await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "out" })).EnsureSuccessStatusCode();

        var read = await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{employee.Id}");
        Assert.Equal(PresenceStatus.Out, read.Presence.Status);
        Assert.Null(read.Presence.Note);
    }

    [Fact]
    public async Task ANoteOver140CharactersIsA400AndNothingChanges()
    {
        var employee = (await RosterEntry.LoadAsync(app))[5];
        var before = await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{employee.Id}");

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In", note = new string('n', 141) });

        await ApiAssert.FieldErrorAsync(response, "note");
        var after = await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{employee.Id}");
        Assert.Equal(before.Presence, after.Presence);
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }

    [Fact]
    public async Task ANoteOfExactly140CharactersIsAccepted()
    {
        var employee = (await RosterEntry.LoadAsync(app))[6];
        var note = new string('n', 140);

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In", note }));

        Assert.Equal(note, saved.Note);
    }

    [Theory]
    [InlineData("""{"status":"Maybe"}""")]
    [InlineData("""{"status":"7"}""")]
    [InlineData("""{"status":""}""")]
    [InlineData("""{"note":"no status"}""")]
    public async Task AMissingOrUnknownStatusIsA400NamingStatus(string body)
    {
        var employee = (await RosterEntry.LoadAsync(app))[8];

        using var response = await ApiJson.PutRawAsync(client, $"/api/employees/{employee.Id}/presence", body);

        await ApiAssert.FieldErrorAsync(response, "status");
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }

    [Fact]
    public async Task SettingPresenceOfAnUnknownEmployeeIsA404Problem()
    {
        var roster = await RosterEntry.LoadAsync(app);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{roster.Max(e => e.Id) + 1000}/presence", new { status = "In" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"status\": \"In\",", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("not json at all", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"status": 1}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"status":"In"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task AnUnreadableBodyIsAProblemAndNothingChanges(string body, string contentType, HttpStatusCode expected)
    {
        var employee = (await RosterEntry.LoadAsync(app))[9];

        using var response = await ApiJson.PutRawAsync(client, $"/api/employees/{employee.Id}/presence", body, contentType);

        await ApiAssert.ProblemAsync(response, expected);
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }
}
