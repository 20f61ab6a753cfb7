using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// Walks every operation of the live OpenAPI document with requests made from the document alone (its examples,
/// then each parameter and body property broken one rule at a time), as the caller the document names for it
/// (<see cref="WalkCallers"/>: a key with the operation's scopes, or an admin signed in by cookie), and checks every answer
/// against the document: never a 5xx, a declared status, a declared content type, a body that fits the declared
/// schema, and every 4xx a problem document. Operations added to the API later are walked with no change here.
/// </summary>
public sealed class ContractWalkTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    /// <summary>Development reports unreadable requests from the exception handler, other environments from the status code pages: both are walked.</summary>
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task EveryOperationAnswersEveryRequestMadeFromTheDocumentAsTheDocumentSays(string environment)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var walked = DirectoryAppFactory.Create(environment: environment);
        using var admin = walked.CreateApiClient(DirectoryRoles.Admin);
        var contract = await ApiContract.LoadAsync(admin);
        using var callers = await WalkCallers.CreateAsync(walked);

        // Safe methods first and deletions last, so the changes the walk makes disturb as little of it as they can.
        var operations = contract.Operations.OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 }).ToList();
        Assert.NotEmpty(operations);

        var contradictions = new List<string>();
        var examples = new Dictionary<ContractOperation, (HttpStatusCode Status, string Who)>();
        var sent = 0;
        foreach (var operation in operations)
        {
            var (caller, who) = await callers.ForAsync(operation);
            foreach (var @case in RequestCases.For(operation, contract.Schemas))
            {
                using var request = @case.ToRequest();
                HttpResponseMessage response;
                try
                {
                    // Headers only at first: an event stream never ends, and its type is all the document says of it.
                    response = await caller.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                }
                catch (HttpRequestException error) when (error.StatusCode >= HttpStatusCode.InternalServerError)
                {
                    contradictions.Add($"{@case} → {error.Message}");
                    continue;
                }

                using (response)
                {
                    sent++;
                    TestContext.Current.TestOutputHelper?.WriteLine($"{@case} → {(int)response.StatusCode}");
                    examples.TryAdd(operation, (response.StatusCode, who));
                    contradictions.AddRange((await contract.ContradictionsAsync(operation, response)).Select(problem => $"{@case} → {problem}"));
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} requests over {operations.Count} operations; the examples answered: "
            + string.Join(", ", examples.Select(e => $"{e.Key.Method} {e.Key.Path} {(int)e.Value.Status} ({e.Value.Who})")));
        Assert.True(contradictions.Count == 0, $"{contradictions.Count} of {sent} answers contradict the document:\n{string.Join('\n', contradictions)}");

        // The examples are requests the API takes: every read answers its example with success, so the walk also
        // checked a success body of each against its schema, and the caller the document names (a key with just the
        // scopes it lists) was let in.
        Assert.All(examples.Where(e => e.Key.Method == "GET"), e => Assert.True(
            (int)e.Value.Status is >= 200 and < 300, $"{e.Key} answered its documented example, sent by {e.Value.Who}, with {(int)e.Value.Status}"));
    }

    [Fact]
    public async Task ACallerOverItsRateLimitIsAnsweredAsTheDocumentSays()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        var contract = await ApiContract.LoadAsync(admin);
        var operation = contract.Operations.Single(o => o.Method == "GET" && o.Path == "/api/departments");
        await using var limited = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Api:PerSecond"] = "1",
            ["RateLimits:Api:Burst"] = "1",
        });
        using var client = limited.CreateApiClient(DirectoryRoles.Admin);

        // A bucket of one that refills once a second: a few requests in a row run it dry.
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 20 && refused is null; attempt++)
        {
            var response = await client.GetAsync(operation.Path, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Empty(await contract.ContradictionsAsync(operation, refused));
        }
    }

    [Fact]
    public async Task AStatusChangedTooOftenIsAnsweredAsTheDocumentSays()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        var contract = await ApiContract.LoadAsync(admin);
        var operation = contract.Operations.Single(o => o.Id == "SetPresence");
        await using var limited = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["RateLimits:Presence:PerMinute"] = "1" });
        using var client = limited.CreateApiClient(DirectoryRoles.Admin);
        var path = operation.Path.Replace("{id}", (await RosterEntry.LoadAsync(limited))[5].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var first = await client.PutAsync(path, JsonContent("""{"status":"In"}"""), TestContext.Current.CancellationToken);
        using var second = await client.PutAsync(path, JsonContent("""{"status":"Out"}"""), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
        Assert.Empty(await contract.ContradictionsAsync(operation, second));
    }

    [Fact]
    public async Task AnUnsafeCallByCookieWithoutTheHeaderTheDocumentAsksForIsAnsweredAsTheDocumentSays()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        var contract = await ApiContract.LoadAsync(admin);
        using var forged = await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail);
        forged.DefaultRequestHeaders.Remove(CookieApiCsrfGuard.HeaderName);
        var asking = contract.Operations.Where(o => o.Definition.GetProperty("security").EnumerateArray().Any(r => r.TryGetProperty("requestedWith", out _))).ToList();
        var keysBefore = await app.QueryDatabaseAsync(db => db.ApiKeys.CountAsync(TestContext.Current.CancellationToken));

        var contradictions = new List<string>();
        foreach (var operation in asking)
        {
            var example = RequestCases.For(operation, contract.Schemas).First();
            using var request = example.ToRequest();
            using var response = await forged.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                contradictions.Add($"{example} → {(int)response.StatusCode}, not 400");
            }

            contradictions.AddRange((await contract.ContradictionsAsync(operation, response)).Select(problem => $"{example} → {problem}"));
        }

        Assert.Equal(["CreateApiKey", "ResetCache", "RevokeApiKey", "SetPresence", "UnlockAccount", "UpdateProfile"], asking.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.True(contradictions.Count == 0, string.Join('\n', contradictions));
        Assert.Equal(keysBefore, await app.QueryDatabaseAsync(db => db.ApiKeys.CountAsync(TestContext.Current.CancellationToken)));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, ContractOperation.JsonMediaType);
}
