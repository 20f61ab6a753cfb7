using System.Net;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Every page for anonymous, employee and admin browsers: a page that needs sign-in redirects to the
/// login page (with the way back), a page for admins redirects an employee to access denied. What an
/// anonymous visitor gets renders statically: no circuit (server memory) for someone not signed in.
/// </summary>
public sealed class PageAuthorizationMatrixTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    /// <summary>What prerendered HTML carries for each component a circuit will take over.</summary>
    private const string InteractiveServerMarker = "Blazor:{\"type\":\"server\"";

    public static TheoryData<string, Caller, string> Cases()
    {
        var cases = new TheoryData<string, Caller, string>();
        void Add(string page, string anonymous, string employee, string admin)
        {
            cases.Add(page, Caller.Anonymous, anonymous);
            cases.Add(page, Caller.EmployeeCookie, employee);
            cases.Add(page, Caller.AdminCookie, admin);
        }

        Add("/", "302 /account/login?ReturnUrl=%2F", "200", "200");
        Add("/?q=ann&status=in", "302 /account/login?ReturnUrl=%2F%3Fq%3Dann%26status%3Din", "200", "200");
        Add("/employees/{other}", "302 /account/login?ReturnUrl=%2Femployees%2F{other}", "200", "200");
        Add("/employees/{own}", "302 /account/login?ReturnUrl=%2Femployees%2F{own}", "200", "200");
        Add("/admin/cache", "302 /account/login?ReturnUrl=%2Fadmin%2Fcache", "302 /account/access-denied?ReturnUrl=%2Fadmin%2Fcache", "200");
        Add("/admin/nothing-here", "302 /account/login?ReturnUrl=%2Fadmin%2Fnothing-here", "302 /account/access-denied?ReturnUrl=%2Fadmin%2Fnothing-here", "404");
        Add("/no-such-page", "404", "404", "404");
        Add("/account/login", "200", "200", "200");
        Add("/account/access-denied", "200", "200", "200");
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachPageAnswersEachBrowserAsTheRulesSay(string page, Caller caller, string expected)
    {
        var own = (await app.OwnEmployeeAsync()).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var other = (await app.OtherEmployeeAsync()).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Fill(string text) => text.Replace("{own}", own, StringComparison.Ordinal).Replace("{other}", other, StringComparison.Ordinal);
        var client = await app.ClientAsync(caller);

        using var response = await client.GetAsync(new Uri(Fill(page), UriKind.Relative), TestContext.Current.CancellationToken);

        var location = response.Headers.Location is { } target ? " " + (target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString) : "";
        Assert.Equal(Fill(expected), $"{(int)response.StatusCode}{location}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/access-denied")]
    [InlineData("/no-such-page")]
    [InlineData("/error")]
    public async Task EveryPageAnAnonymousVisitorGetsRendersStaticallyWithoutACircuit(string page)
    {
        var client = await app.ClientAsync(Caller.Anonymous);

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractiveServerMarker, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task ASignedInUsersPagesAreInteractive(string page)
    {
        var client = await app.ClientAsync(Caller.EmployeeCookie);

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(InteractiveServerMarker, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInPageNamesTheUserAndOffersSignOut()
    {
        var client = await app.ClientAsync(Caller.EmployeeCookie);
        var own = await app.OwnEmployeeAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(own.Email, html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{AccountPaths.Logout}\"", html, StringComparison.Ordinal);
    }
}
