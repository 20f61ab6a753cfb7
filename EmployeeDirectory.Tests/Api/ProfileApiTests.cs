using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>PUT /api/employees/{id}. Each test works on its own employee.</summary>
public sealed class ProfileApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    [Fact]
    public async Task UpdatingAProfileReturnsTheNewVersionAndAStaleStampIsThenA409()
    {
        var id = (await RosterEntry.LoadAsync(app))[10].Id;
        var loaded = await GetAsync(id);

        var updated = await ApiJson.ReadAsync<EmployeeResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{id}", EditOf(loaded) with { Title = "Head of Caching", Location = "Floor 3" }));

        Assert.Equal("Head of Caching", updated.Title);
        Assert.Equal("Floor 3", updated.Location);
        Assert.NotEqual(loaded.ConcurrencyStamp, updated.ConcurrencyStamp);
        Assert.Equal(updated, await GetAsync(id));

        using var stale = await ApiJson.PutAsync(client, $"/api/employees/{id}", EditOf(loaded) with { Title = "Overwritten" });

        var problem = await ApiAssert.ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(updated.ConcurrencyStamp, problem.GetProperty(ApiProblems.ConcurrencyStampExtension).GetGuid());
        Assert.Equal(updated, await GetAsync(id));
        Assert.Equal("Head of Caching", (await RosterEntry.LoadAsync(app, id)).Title);
    }

    [Fact]
    public async Task TheStampFromAConflictLetsTheEditGoThrough()
    {
        var id = (await RosterEntry.LoadAsync(app))[11].Id;
        var loaded = await GetAsync(id);
        (await ApiJson.PutAsync(client, $"/api/employees/{id}", EditOf(loaded) with { Phone = "+44 20 7946 0001" })).EnsureSuccessStatusCode();

        using var stale = await ApiJson.PutAsync(client, $"/api/employees/{id}", EditOf(loaded) with { Title = "Second try" });
        var current = (await ApiAssert.ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty(ApiProblems.ConcurrencyStampExtension).GetString();

        var retried = await ApiJson.ReadAsync<EmployeeResponse>(
            await ApiJson.PutAsync(client, $"/api/employees/{id}", EditOf(await GetAsync(id)) with { Title = "Second try", ConcurrencyStamp = current }));
        Assert.Equal("Second try", retried.Title);
        Assert.Equal("+44 20 7946 0001", retried.Phone);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("")]
    public async Task ABadEmailIsA400NamingEmailAndNothingChanges(string email)
    {
        var employee = (await RosterEntry.LoadAsync(app))[12];
        var loaded = await GetAsync(employee.Id);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}", EditOf(loaded) with { Email = email, Title = "Should not stick" });

        await ApiAssert.FieldErrorAsync(response, "email");
        Assert.Equal(loaded, await GetAsync(employee.Id));
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }

    [Fact]
    public async Task AnEmptyGivenNameIsA400NamingIt()
    {
        var loaded = await GetAsync((await RosterEntry.LoadAsync(app))[13].Id);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{loaded.Id}", EditOf(loaded) with { GivenName = " " });

        await ApiAssert.FieldErrorAsync(response, "givenName");
        Assert.Equal(loaded, await GetAsync(loaded.Id));
    }

    [Fact]
    public async Task MarkupInANameRoundTripsAsPlainText()
    {
        const string markup = "<script>alert(1)</script>";
        var loaded = await GetAsync((await RosterEntry.LoadAsync(app))[14].Id);

        (await ApiJson.PutAsync(client, $"/api/employees/{loaded.Id}", EditOf(loaded) with { GivenName = markup, DisplayName = markup })).EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"/api/employees/{loaded.Id}", TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>", raw, StringComparison.OrdinalIgnoreCase);
        var read = await ApiJson.ReadAsync<EmployeeResponse>(response);
        Assert.Equal(markup, read.GivenName);
        Assert.Equal(markup, read.DisplayName);
    }

    [Fact]
    public async Task UpdatingAnUnknownEmployeeIsA404Problem()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var template = await GetAsync(roster[15].Id);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{roster.Max(e => e.Id) + 1000}", EditOf(template) with { Email = "nobody@example.com" });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-stamp")]
    public async Task AMissingOrMalformedStampIsA400NamingIt(string? stamp)
    {
        var employee = (await RosterEntry.LoadAsync(app))[16];
        var loaded = await GetAsync(employee.Id);

        using var response = await ApiJson.PutAsync(client, $"/api/employees/{employee.Id}", EditOf(loaded) with { Title = "Should not stick", ConcurrencyStamp = stamp });

        await ApiAssert.FieldErrorAsync(response, "concurrencyStamp");
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }

    [Theory]
    [InlineData("{\"givenName\": \"Ada\"")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public async Task AnUnreadableBodyIsA400ProblemAndNothingChanges(string body)
    {
        var employee = (await RosterEntry.LoadAsync(app))[17];

        using var response = await ApiJson.PutRawAsync(client, $"/api/employees/{employee.Id}", body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(employee, await RosterEntry.LoadAsync(app, employee.Id));
    }

    private Task<EmployeeResponse> GetAsync(int id) => ApiJson.GetAsync<EmployeeResponse>(client, $"/api/employees/{id}");

    private static ProfileRequest EditOf(EmployeeResponse employee) => new(
        employee.GivenName,
        employee.FamilyName,
        employee.DisplayName,
        employee.Title,
        employee.Department,
        employee.Email,
        employee.Phone,
        employee.Location,
        employee.ConcurrencyStamp.ToString());
}
