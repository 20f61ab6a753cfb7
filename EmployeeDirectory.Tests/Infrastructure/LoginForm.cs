using System.Net;
using System.Text.RegularExpressions;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// Drives the static login and sign-out forms as a browser would: GET the page (which sets the
/// antiforgery cookie and renders the token), then POST the fields with that token.
/// </summary>
public static partial class LoginForm
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>Posts the login form; the response is not followed (302 on success, 200 with a message otherwise).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var path = returnUrl is null ? LoginPath : $"{LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = await TokenFromPageAsync(client, path);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri(path, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs out with the token from the sign-out form of <paramref name="pagePath"/> (any signed-in page).</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client, string pagePath = "/")
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await TokenFromPageAsync(client, pagePath);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri(LogoutPath, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    /// <summary>The page's antiforgery token (the first form on it).</summary>
    public static async Task<string> TokenFromPageAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}, not the page with a form");
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"GET {path} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    [GeneratedRegex("""name="__RequestVerificationToken"\s+value="(?<token>[^"]+)""")]
    private static partial Regex TokenField();
}
