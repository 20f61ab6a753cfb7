using System.Globalization;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>GET /api/employees answers what the database says. Read-only: nothing here writes.</summary>
public sealed class SearchEmployeesApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    // The directory sorts text culture-aware and case-insensitively (ties broken by name, then id).
    private static readonly StringComparer TextOrder = StringComparer.InvariantCultureIgnoreCase;

    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    [Fact]
    public async Task SearchingWithoutParametersReturnsTheFirstPageOfEveryoneByName()
    {
        var roster = await RosterEntry.LoadAsync(app);

        var page = await ApiJson.GetAsync<EmployeePageResponse>(client, "/api/employees");

        Assert.Equal(DirectoryAppFactory.SeedEmployees, roster.Count);
        Assert.Equal(roster.Count, page.Total);
        Assert.Equal(1, page.Page);
        Assert.Equal(25, page.PageSize);
        var expected = roster
            .OrderBy(e => e.FamilyName, TextOrder).ThenBy(e => e.GivenName, TextOrder).ThenBy(e => e.Id)
            .Take(25)
            .Select(e => e.Id);
        Assert.Equal(expected, page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task SearchingByTextReturnsExactlyTheEmployeesWhoseNameTitleDepartmentOrEmailContainIt()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var term = roster.Select(e => e.FamilyName).First(name => name.Length > 3 && name.All(char.IsAsciiLetter));

        var found = await SearchAllAsync($"q={Uri.EscapeDataString(term.ToUpperInvariant())}");

        var expected = roster.Where(e => Fields(e).Any(field => Contains(field, term)));
        Assert.NotEmpty(found);
        Assert.Equal(expected.Select(e => e.Id).Order(), found.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task FilteringByDepartmentReturnsExactlyThatDepartment()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var department = roster[0].Department;

        var found = await SearchAllAsync($"department={Uri.EscapeDataString(department.ToLowerInvariant())}");

        Assert.Equal(roster.Where(e => e.Department == department).Select(e => e.Id).Order(), found.Select(i => i.Id).Order());
        Assert.All(found, item => Assert.Equal(department, item.Department));
    }

    [Theory]
    [InlineData("In", PresenceStatus.In)]
    [InlineData("out", PresenceStatus.Out)]
    public async Task FilteringByStatusReturnsExactlyThoseWithThatStatus(string status, PresenceStatus expected)
    {
        var roster = await RosterEntry.LoadAsync(app);

        var found = await SearchAllAsync($"status={status}");

        Assert.NotEmpty(found);
        Assert.Equal(roster.Where(e => e.Presence == expected).Select(e => e.Id).Order(), found.Select(i => i.Id).Order());
        Assert.All(found, item => Assert.Equal(expected, item.Presence.Status));
    }

    [Fact]
    public async Task FiltersCombine()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var someone = roster[^1];

        var found = await SearchAllAsync($"department={Uri.EscapeDataString(someone.Department)}&status={someone.Presence}");

        var expected = roster.Where(e => e.Department == someone.Department && e.Presence == someone.Presence);
        Assert.Contains(found, item => item.Id == someone.Id);
        Assert.True(found.Count < roster.Count(e => e.Department == someone.Department), "The status filter removed nobody");
        Assert.Equal(expected.Select(e => e.Id).Order(), found.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task SortingByTitleDescendingOrdersTitlesFromZToA()
    {
        var roster = await RosterEntry.LoadAsync(app);

        var page = await ApiJson.GetAsync<EmployeePageResponse>(client, "/api/employees?sort=titleDescending&pageSize=100");

        Assert.Equal(roster.Count, page.Items.Count);
        Assert.Equal(roster.Select(e => e.Title).OrderDescending(TextOrder), page.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task PagingVisitsEveryEmployeeExactlyOnce()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var seen = new List<int>();

        for (var pageNumber = 1; pageNumber <= 9; pageNumber++)
        {
            var page = await ApiJson.GetAsync<EmployeePageResponse>(client, $"/api/employees?sort=location&page={pageNumber}&pageSize=7");
            Assert.Equal(pageNumber, page.Page);
            Assert.Equal(7, page.PageSize);
            Assert.Equal(roster.Count, page.Total);
            Assert.Equal(Math.Min(7, roster.Count - seen.Count), page.Items.Count);
            seen.AddRange(page.Items.Select(i => i.Id));
        }

        Assert.Equal(roster.Select(e => e.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task APageBeyondTheEndHasNoItemsButStillTheTotal()
    {
        var page = await ApiJson.GetAsync<EmployeePageResponse>(client, "/api/employees?page=50&pageSize=10");

        Assert.Empty(page.Items);
        Assert.Equal(DirectoryAppFactory.SeedEmployees, page.Total);
        Assert.Equal(50, page.Page);
    }

    [Fact]
    public async Task TextThatMatchesNobodyReturnsAnEmptyPage()
    {
        var page = await ApiJson.GetAsync<EmployeePageResponse>(client, "/api/employees?q=zzqqxxnomatch");

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task EveryWordOfTheTextMustMatchSomewhere()
    {
        var roster = await RosterEntry.LoadAsync(app);
        var someone = roster[roster.Count / 3];
        var words = $"{someone.GivenName.ToLowerInvariant()} {someone.Department.ToUpperInvariant()}";

        var found = await SearchAllAsync($"q={Uri.EscapeDataString(words)}");

        var terms = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = roster.Where(e => terms.All(term => Fields(e).Any(field => Contains(field, term))));
        Assert.Contains(found, item => item.Id == someone.Id);
        Assert.Equal(expected.Select(e => e.Id).Order(), found.Select(i => i.Id).Order());
    }

    private static string[] Fields(RosterEntry e) => [e.GivenName, e.FamilyName, e.DisplayName, e.Title, e.Department, e.Email];

    // Case- and accent-insensitive, as the directory matches ("jose" finds "José").
    private static bool Contains(string field, string term) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(field, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    private async Task<List<EmployeeListItem>> SearchAllAsync(string query)
    {
        var items = new List<EmployeeListItem>();
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await ApiJson.GetAsync<EmployeePageResponse>(client, $"/api/employees?{query}&pageSize=100&page={pageNumber}");
            items.AddRange(page.Items);
            if (page.Items.Count == 0 || items.Count >= page.Total)
            {
                Assert.Equal(page.Total, items.Count);
                return items;
            }
        }
    }
}
