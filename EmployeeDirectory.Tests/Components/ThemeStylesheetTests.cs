using System.Net;
using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// Both palettes come from one stylesheet that anyone may fetch (the sign-in page uses it too), so no circuit holds a
/// theme provider: the light one on :root, the dark one on :root[data-theme="dark"] and for a browser that prefers dark.
/// </summary>
public sealed partial class ThemeStylesheetTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task TheStylesheetHoldsBothPalettesAndAVersionedAddressIsCachedForGood()
    {
        using var anonymous = app.CreateClient();
        var login = await anonymous.GetStringAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var link = ThemeLink().Match(login);
        Assert.True(link.Success, "The sign-in page does not link the theme's stylesheet.");

        using var response = await anonymous.GetAsync(new Uri(WebUtility.HtmlDecode(link.Groups["href"].Value), UriKind.Relative), TestContext.Current.CancellationToken);
        var css = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        // The directory's own primaries (DirectoryTheme): light #1e5fa8, dark #7fb2f0.
        Assert.Matches(@":root\s*\{[^}]*--mud-palette-primary: rgba\(30,95,168,1\)", css);
        Assert.Matches(@":root\[data-theme=""dark""\] \{[^}]*--mud-palette-primary: rgba\(127,178,240,1\)", css);
        Assert.Contains("@media (prefers-color-scheme: dark) { :root:not([data-theme=\"light\"])", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnversionedRequestIsRevalidatedAndAnswered304WhenUnchanged()
    {
        using var anonymous = app.CreateClient();
        using var first = await anonymous.GetAsync(new Uri("/theme.css", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/theme.css");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await anonymous.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>/theme\.css\?v=[0-9a-f]{12})" />""")]
    private static partial Regex ThemeLink();
}
