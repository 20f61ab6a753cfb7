using System.Globalization;
using System.Net;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.RateLimiting;

/// <summary>
/// The API's token bucket per caller (<c>RateLimits:Api:PerSecond</c> / <c>Burst</c>): a caller over it
/// gets 429 problems with Retry-After until the bucket refills; other callers and the rest of the app
/// are untouched.
/// </summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private const int Burst = 3;
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(10);

    private readonly DirectoryAppFactory _app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
    {
        ["RateLimits:Api:PerSecond"] = "1",
        ["RateLimits:Api:Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task ACallerOverItsBurstGetsA429ProblemWithRetryAfterAndThenRecovers()
    {
        using var client = _app.CreateApiClient(DirectoryRoles.Admin);

        var (passed, refused) = await CallUntilRefusedAsync(client);

        // The bucket starts full and refills one token a second: the whole burst passes first.
        using (refused)
        {
            Assert.InRange(passed, Burst, Burst + 2);
            var problem = await ApiAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Contains("Wait", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 2);
        }

        Assert.Equal(HttpStatusCode.OK, await EventuallyOkAsync(client));
    }

    [Fact]
    public async Task OneCallersExhaustedBucketLeavesOtherCallersAndTheRestOfTheAppAlone()
    {
        using var admin = _app.CreateApiClient(DirectoryRoles.Admin);
        using var employee = _app.CreateApiClient(DirectoryRoles.Employee);
        (await CallUntilRefusedAsync(admin)).Refused.Dispose();

        using var otherCaller = await employee.GetAsync("/api/departments", TestContext.Current.CancellationToken);
        using var probe = await admin.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var page = await admin.GetAsync("/account/login", TestContext.Current.CancellationToken);

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            (otherCaller.StatusCode, probe.StatusCode, page.StatusCode));
    }

    [Fact]
    public async Task ZeroTurnsTheApiLimitOff()
    {
        await using var unlimited = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["RateLimits:Api:PerSecond"] = "0" });
        using var client = unlimited.CreateApiClient(DirectoryRoles.Admin);

        var statuses = await BurstAsync(client, 50);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Calls at once until the first 429 (within a few calls past the burst); returns how many passed before it, and it.</summary>
    private static async Task<(int Passed, HttpResponseMessage Refused)> CallUntilRefusedAsync(HttpClient client)
    {
        for (var passed = 0; passed < Burst + 10; passed++)
        {
            var response = await client.GetAsync("/api/departments", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (passed, response);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        throw new Xunit.Sdk.XunitException($"{Burst + 10} calls at once were never refused with a bucket of {Burst}.");
    }

    private static async Task<List<HttpStatusCode>> BurstAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync("/api/departments", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static Task<HttpStatusCode> EventuallyOkAsync(HttpClient client) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/departments", TestContext.Current.CancellationToken);
                return response.StatusCode;
            },
            status => status != HttpStatusCode.TooManyRequests,
            "the API to answer again once the bucket refilled",
            RecoveryDeadline);
}
