using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api.Client;

/// <summary>
/// Searching, reading and editing employees through the client generated from the OpenAPI document: typed
/// parameters and enums in, typed bodies out, problems as typed exceptions, all checked against the database.
/// </summary>
public sealed class EmployeesClientTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task SearchingThroughTheClientFiltersSortsAndPagesAsTheDatabaseSays()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);
        var client = new DirectoryApiClient(http);
        var roster = await RosterEntry.LoadAsync(app);
        var outside = roster.Where(e => e.Presence == Core.Presence.PresenceStatus.Out).ToList();

        var page = await client.SearchEmployeesAsync(status: PresenceStatus.Out, sort: DirectorySort.NameDescending, page: 1, pageSize: 5, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(outside.Count, page.Total);
        Assert.Equal(5, page.PageSize);
        Assert.Equal(5, page.Items.Count);
        Assert.All(page.Items, item => Assert.Equal(PresenceStatus.Out, item.Presence.Status));
        var expected = outside.OrderByDescending(e => e.FamilyName, StringComparer.OrdinalIgnoreCase).ThenByDescending(e => e.GivenName, StringComparer.OrdinalIgnoreCase).Take(5);
        Assert.Equal(expected.Select(e => e.Id), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task ReadingAnEmployeeThroughTheClientGivesTheProfileTheDatabaseHolds()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);
        var expected = (await RosterEntry.LoadAsync(app))[7];

        var employee = await new DirectoryApiClient(http).GetEmployeeAsync(expected.Id, TestContext.Current.CancellationToken);

        Assert.Equal(
            (expected.GivenName, expected.FamilyName, expected.Title, expected.Department, expected.Email, expected.Location, expected.ConcurrencyStamp),
            (employee.GivenName, employee.FamilyName, employee.Title, employee.Department, employee.Email, employee.Location, employee.ConcurrencyStamp));
        Assert.Equal(expected.Presence.ToString(), employee.Presence.Status.ToString());
    }

    [Fact]
    public async Task AnUnknownEmployeeIsAProblemWithStatus404ThroughTheClient()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);
        var unknown = (await RosterEntry.LoadAsync(app)).Max(e => e.Id) + 1000;

        var problem = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(
            () => new DirectoryApiClient(http).GetEmployeeAsync(unknown, TestContext.Current.CancellationToken));

        Assert.Equal(404, problem.StatusCode);
        Assert.Equal(404, problem.Result.Status);
        Assert.Equal("Employee not found", problem.Result.Title);
    }

    [Fact]
    public async Task AProfileEditThroughTheClientIsSavedAndAnEditFromAStaleStampIsRefusedWith409()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Admin);
        var client = new DirectoryApiClient(http);
        var id = (await RosterEntry.LoadAsync(app))[9].Id;
        var loaded = await client.GetEmployeeAsync(id, TestContext.Current.CancellationToken);

        var saved = await client.UpdateProfileAsync(id, EditOf(loaded, "Head of Contracts"), TestContext.Current.CancellationToken);
        var stale = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(
            () => client.UpdateProfileAsync(id, EditOf(loaded, "Overwritten"), TestContext.Current.CancellationToken));

        Assert.Equal("Head of Contracts", saved.Title);
        Assert.NotEqual(loaded.ConcurrencyStamp, saved.ConcurrencyStamp);
        Assert.Equal(409, stale.StatusCode);
        Assert.Equal("Head of Contracts", (await RosterEntry.LoadAsync(app, id)).Title);
    }

    [Fact]
    public async Task AnEmployeeKeyCannotEditProfilesThroughTheClient()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);
        var client = new DirectoryApiClient(http);
        var loaded = await client.GetEmployeeAsync((await RosterEntry.LoadAsync(app))[10].Id, TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<DirectoryApiException<ProblemDetails>>(
            () => client.UpdateProfileAsync(loaded.Id, EditOf(loaded, "Self-promoted"), TestContext.Current.CancellationToken));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(loaded.Title, (await RosterEntry.LoadAsync(app, loaded.Id)).Title);
    }

    [Fact]
    public async Task TheDepartmentsThroughTheClientCountTheRoster()
    {
        using var http = app.CreateApiClient(DirectoryRoles.Employee);
        var roster = await RosterEntry.LoadAsync(app);

        var departments = await new DirectoryApiClient(http).GetDepartmentsAsync(TestContext.Current.CancellationToken);

        foreach (var department in roster.GroupBy(e => e.Department))
        {
            Assert.Equal(department.Count(), departments.Single(d => d.Name == department.Key).EmployeeCount);
        }
    }

    private static ProfileRequest EditOf(EmployeeResponse employee, string title) => new()
    {
        GivenName = employee.GivenName,
        FamilyName = employee.FamilyName,
        DisplayName = employee.DisplayName,
        Title = title,
        Department = employee.Department,
        Email = employee.Email,
        Phone = employee.Phone,
        Location = employee.Location,
        ConcurrencyStamp = employee.ConcurrencyStamp,
    };
}
