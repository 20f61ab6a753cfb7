using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>GET /api/employees/{id}/presence/history: {items, total, page, pageSize}, newest first.</summary>
public sealed class PresenceHistoryApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Employee);

    [Fact]
    public async Task TheHistoryIsPagedNewestFirstWithItsTotal()
    {
        var employee = (await RosterEntry.LoadAsync(app))[20];
        var admin = app.CreateApiClient();
        foreach (var status in new[] { "In", "Out", "In" })
        {
            (await ApiJson.PutAsync(admin, $"/api/employees/{employee.Id}/presence", new { status, note = $"now {status}" })).EnsureSuccessStatusCode();
        }

        // An admin sees the notes (StatusPrivacyTests: who else does).
        var first = await ApiJson.GetAsync<PresenceHistoryResponse>(admin, $"/api/employees/{employee.Id}/presence/history?page=1&pageSize=2");
        var second = await ApiJson.GetAsync<PresenceHistoryResponse>(admin, $"/api/employees/{employee.Id}/presence/history?page=2&pageSize=2");

        Assert.Equal((1, 2), (first.Page, first.PageSize));
        Assert.True(first.Total >= 4, "the seed's history plus three changes");
        Assert.Equal(["now In", "now Out"], first.Items.Select(i => i.Note));
        Assert.Equal("now In", second.Items[0].Note);
        Assert.Equal(first.Total, second.Total);
        Assert.True(first.Items[0].At >= first.Items[1].At && first.Items[1].At >= second.Items[0].At);
    }

    [Fact]
    public async Task WithoutPagingTheFirstTwentyChangesAreShown()
    {
        var employee = (await RosterEntry.LoadAsync(app))[21];

        var page = await ApiJson.GetAsync<PresenceHistoryResponse>(client, $"/api/employees/{employee.Id}/presence/history");

        Assert.Equal((1, 20), (page.Page, page.PageSize));
        Assert.NotEmpty(page.Items);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task ABadPageIsA400NamingIt(string query, string field)
    {
        var employee = (await RosterEntry.LoadAsync(app))[22];

        using var response = await client.GetAsync($"/api/employees/{employee.Id}/presence/history?{query}", TestContext.Current.CancellationToken);

        await ApiAssert.FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task AnUnknownEmployeeIsA404Problem()
    {
        using var response = await client.GetAsync("/api/employees/987654/presence/history", TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
