using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Tests.Observability;
using EmployeeDirectory.Web.Auth.ApiKeys;
using EmployeeDirectory.Web.Observability;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Anyone can send a bogus API key or a wrong password, so refusals are counted on <c>/metrics</c>
/// rather than logged at Warning each: a bogus key is a Debug line and one more on
/// <c>auth_api_key_refusals_total</c>; sign-ins are counted by outcome.
/// </summary>
[Collection(MetricsTestGroup.Name)]
public sealed partial class RefusalsMetricsTests
{
    [Fact]
    public async Task ABogusApiKeyIsLoggedAtDebugOnlyAndCounted()
    {
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:EmployeeDirectory.Web.Auth.ApiKeys"] = "Debug",
        });
        using var bogus = app.CreateAnonymousClient();
        bogus.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, "edk_not-a-key-anyone-issued");

        for (var i = 0; i < 3; i++)
        {
            using var response = await bogus.GetAsync("/api/departments", TestContext.Current.CancellationToken);
            await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        var refusals = app.Logs.WithEventId(3110);
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, entry => Assert.Equal(LogLevel.Debug, entry.Level));
        Assert.DoesNotContain(app.Logs.Entries, entry => entry.Level >= LogLevel.Warning && entry.Category.Contains("ApiKey", StringComparison.Ordinal));
        await EventuallyCountsAsync(app, ApiKeyRefusals(), 3);
    }

    [Fact]
    public async Task SignInsAreCountedByOutcome()
    {
        await using var app = DirectoryAppFactory.Create();
        using (var client = app.CreateCookieClient(new CookieContainer()))
        {
            (await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, "a wrong password")).Dispose();
            (await LoginForm.SubmitAsync(client, "nobody.at.all@example.com", "a wrong password")).Dispose();
        }

        (await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail)).Dispose();

        await EventuallyCountsAsync(app, SignInsRefused(), 2);
        await EventuallyCountsAsync(app, SignInsSucceeded(), 1);
    }

    /// <summary>Scrapes until the counter the pattern captures shows <paramref name="expected"/> (the exporter caches scrapes briefly).</summary>
    private static async Task EventuallyCountsAsync(DirectoryAppFactory app, Regex counter, int expected)
    {
        using var client = app.CreateAnonymousClient();
        await Eventually.ReturnsAsync(
            async () =>
            {
                var match = counter.Match(await client.GetStringAsync(ObservabilityHostingExtensions.MetricsPath, TestContext.Current.CancellationToken));
                return match.Success ? match.Groups["value"].Value : "absent";
            },
            seen => seen != "absent" && double.Parse(seen, CultureInfo.InvariantCulture) == expected,
            $"/metrics to show {expected} for {counter}");
    }

    [GeneratedRegex(@"^auth_api_key_refusals_total(\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex ApiKeyRefusals();

    [GeneratedRegex(@"^auth_sign_in_attempts_total\{[^}]*outcome=""refused""[^}]*\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SignInsRefused();

    [GeneratedRegex(@"^auth_sign_in_attempts_total\{[^}]*outcome=""signed_in""[^}]*\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SignInsSucceeded();
}
