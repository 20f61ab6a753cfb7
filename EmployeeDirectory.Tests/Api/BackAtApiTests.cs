using System.Globalization;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Api;

/// <summary>PUT /api/employees/{id}/presence with a back-at time (until), and until on every read. Each test has its own employee.</summary>
public sealed class BackAtApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient();

    [Fact]
    public async Task AnUntilWithAnOffsetIsStoredInUtcAndEveryReadCarriesIt()
    {
        var employee = (await RosterEntry.LoadAsync(app))[10];
        var until = DateTimeOffset.UtcNow.AddHours(3);
        var sent = until.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var saved = await ApiJson.ReadAsync<PresenceResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "Out", note = "dentist", until = sent }));

        var expected = DateTimeOffset.Parse(sent, CultureInfo.InvariantCulture);
        Assert.Equal(PresenceStatus.Out, saved.Status);
        Assert.Equal(expected, saved.Until);
        Assert.Equal(expected, (await ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{employee.Id}")).Presence.Until);
        var listed = await ApiJson.GetAsync<EmployeePageResponse>(client, "/api/employees?status=Out&pageSize=100");
        Assert.Equal(expected, listed.Items.Single(item => item.Id == employee.Id).Presence.Until);
        var stored = await app.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == employee.Id).Select(e => e.PresenceUntil).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(expected, stored);
        Assert.Equal(TimeSpan.Zero, stored!.Value.Offset);
    }

    [Fact]
    public async Task WithoutUntilAStatusIsOpenEndedAndSaysSoWithNull()
    {
        var employee = (await RosterEntry.LoadAsync(app))[11];
        await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "Out", until = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture) });

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In" });
        var saved = await ApiJson.ReadAsync<PresenceResponse>(response);

        Assert.Null(saved.Until);
        var body = await (await client.GetAsync($"/api/employees/{employee.Id}", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"until\":null", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01T15:00:00")]
    [InlineData("2026-12-01 15:00:00+01:00")]
    [InlineData("15:00")]
    [InlineData("tomorrow")]
    [InlineData("")]
    [InlineData("2026-13-01T15:00:00Z")]
    [InlineData("1764601200000")]
    public async Task AnUntilThatIsNotIso8601WithAnOffsetIsA400NamingUntilAndChangesNothing(string until)
    {
        var employee = (await RosterEntry.LoadAsync(app))[12];
        var history = await HistoryCountAsync(employee.Id);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "Out", until });

        await ApiAssert.FieldErrorAsync(response, "until");
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
        Assert.Equal(history, await HistoryCountAsync(employee.Id));
    }

    [Theory]
    [InlineData(-3600, "in the future")]
    [InlineData(8 * 86400, "at most 7 days ahead")]
    public async Task AnUntilInThePastOrMoreThanSevenDaysAheadIsA400NamingUntilAndChangesNothing(int secondsAhead, string message)
    {
        var employee = (await RosterEntry.LoadAsync(app))[13];
        var until = DateTimeOffset.UtcNow.AddSeconds(secondsAhead).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "Out", until });

        var problem = await ApiAssert.FieldErrorAsync(response, "until");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("until")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }

    [Fact]
    public async Task ABadStatusAndABadUntilAreBothNamed()
    {
        var employee = (await RosterEntry.LoadAsync(app))[14];

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "Maybe", until = "soon" });

        var problem = await ApiAssert.FieldErrorAsync(response, "until");
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task AChangeThroughTheApiIsRecordedAsSuch()
    {
        var employee = (await RosterEntry.LoadAsync(app))[15];

        (await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In", note = "badge" })).EnsureSuccessStatusCode();

        var history = await ApiJson.GetAsync<PresenceHistoryResponse>(client, $"/api/employees/{employee.Id}/presence/history?pageSize=1");
        var latest = Assert.Single(history.Items);
        Assert.Equal((PresenceStatus.In, "badge", PresenceSource.Api), (latest.To, latest.Note, latest.Source));
        var raw = await (await client.GetAsync($"/api/employees/{employee.Id}/presence/history?pageSize=1", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"source\":\"API\"", raw, StringComparison.Ordinal);
    }

    private Task<int> HistoryCountAsync(int id) =>
        app.QueryDatabaseAsync(db => db.PresenceHistory.CountAsync(c => c.EmployeeId == id, TestContext.Current.CancellationToken));
}
