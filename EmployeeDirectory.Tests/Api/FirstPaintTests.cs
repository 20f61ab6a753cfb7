using System.Net;
using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Api;

/// <summary>What a browser gets before any script runs: the directory's first paint already lists people.</summary>
public sealed partial class FirstPaintTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task TheDirectorysFirstPaintListsPeopleAndCarriesThemIntoTheCircuit()
    {
        var client = await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail);
        var roster = await RosterEntry.LoadAsync(app);

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Loading people", html, StringComparison.Ordinal);
        Assert.Equal(25, EmployeeLinks().Count(html));
        var first = roster.OrderBy(e => e.FamilyName, StringComparer.InvariantCultureIgnoreCase).ThenBy(e => e.GivenName, StringComparer.InvariantCultureIgnoreCase).First();
        Assert.Contains(WebUtility.HtmlEncode(first.DisplayName), html, StringComparison.Ordinal);
        Assert.Contains("<main", html, StringComparison.Ordinal);
        // The rows travel with the page as persisted component state, so the circuit does not load them again.
        Assert.Matches(PersistedState(), html);
    }

    [GeneratedRegex("<a href=\"employees/\\d+\" class=\"directory-link\"")]
    private static partial Regex EmployeeLinks();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[A-Za-z0-9+/=]{100,}-->")]
    private static partial Regex PersistedState();
}
