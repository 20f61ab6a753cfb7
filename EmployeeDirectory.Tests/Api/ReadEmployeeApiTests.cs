using System.Net;
using System.Text.Json;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Api;

/// <summary>GET /api/employees/{id} and GET /api/departments. Read-only.</summary>
public sealed class ReadEmployeeApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    [Fact]
    public async Task GettingAnEmployeeReturnsTheProfilePresenceAndStampInCamelCase()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var expected = roster[7];

        using var response = await client.GetAsync($"/api/employees/{expected.Id}", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var employee = document.RootElement;

        Assert.Equal(
            ["id", "givenName", "familyName", "displayName", "title", "department", "email", "phone", "location", "presence", "concurrencyStamp"],
            employee.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.Id, employee.GetProperty("id").GetInt32());
        Assert.Equal(expected.GivenName, employee.GetProperty("givenName").GetString());
        Assert.Equal(expected.FamilyName, employee.GetProperty("familyName").GetString());
        Assert.Equal(expected.DisplayName, employee.GetProperty("displayName").GetString());
        Assert.Equal(expected.Title, employee.GetProperty("title").GetString());
        Assert.Equal(expected.Department, employee.GetProperty("department").GetString());
        Assert.Equal(expected.Email, employee.GetProperty("email").GetString());
        Assert.Equal(expected.Phone, employee.GetProperty("phone").GetString());
        Assert.Equal(expected.Location, employee.GetProperty("location").GetString());
        Assert.Equal(expected.ConcurrencyStamp, employee.GetProperty("concurrencyStamp").GetGuid());

        var presence = employee.GetProperty("presence");
        Assert.Equal(["status", "note", "until", "changedAt", "changedBy", "stamp"], presence.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.Presence.ToString(), presence.GetProperty("status").GetString());
        var presenceVersion = await app.QueryDatabaseAsync(db => db.Employees.Where(e => e.Id == expected.Id).Select(e => e.PresenceVersion).SingleAsync());
        Assert.Equal(presenceVersion, presence.GetProperty("stamp").GetInt64());
    }

    [Fact]
    public async Task GettingAnUnknownEmployeeIsA404Problem()
    {
        var unknownId = await UnknownIdAsync();

        using var response = await client.GetAsync($"/api/employees/{unknownId}", TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(unknownId.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/employees/abc")]
    [InlineData("/api/employees/99999999999")]
    [InlineData("/api/no-such-thing")]
    public async Task PathsThatNameNoEmployeeOrRouteAre404Problems(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnsupportedMethodIsA405Problem()
    {
        using var response = await client.DeleteAsync("/api/employees/1", TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task DepartmentsListsEveryDepartmentWithItsHeadCount()
    {
        var expected = await app.QueryDatabaseAsync(db => db.Departments
            .Select(d => new DepartmentResponse(d.Id, d.Name, d.Employees.Count))
            .ToListAsync(TestContext.Current.CancellationToken));

        var departments = await ApiJson.GetAsync<List<DepartmentResponse>>(client, "/api/departments");

        Assert.True(departments.Count > 1, "The seeded roster should have several departments");
        Assert.Equal(departments.Select(d => d.Name).Order(StringComparer.InvariantCultureIgnoreCase), departments.Select(d => d.Name));
        Assert.Equal(expected.OrderBy(d => d.Name, StringComparer.Ordinal), departments.OrderBy(d => d.Name, StringComparer.Ordinal));
        Assert.Equal(DirectoryAppFactory.SeedEmployees, departments.Sum(d => d.EmployeeCount));
    }

    private Task<int> UnknownIdAsync() =>
        app.QueryDatabaseAsync(async db => await db.Employees.MaxAsync(e => e.Id, TestContext.Current.CancellationToken) + 1000);
}
