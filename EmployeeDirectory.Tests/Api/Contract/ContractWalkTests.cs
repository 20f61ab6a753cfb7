using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// Walks every operation of the live OpenAPI document with requests made from the document alone (its examples,
/// then each parameter and body property broken one rule at a time), as an admin API key, and checks every answer
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

        // Safe methods first and deletions last, so the changes the walk makes disturb as little of it as they can.
        var operations = contract.Operations.OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 }).ToList();
        Assert.NotEmpty(operations);

        var contradictions = new List<string>();
        var examples = new Dictionary<ContractOperation, HttpStatusCode>();
        var sent = 0;
        foreach (var operation in operations)
        {
            foreach (var @case in RequestCases.For(operation, contract.Schemas))
            {
                using var request = @case.ToRequest();
                HttpResponseMessage response;
                try
                {
                    // Headers only at first: an event stream never ends, and its type is all the document says of it.
                    response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
                    examples.TryAdd(operation, response.StatusCode);
                    contradictions.AddRange((await contract.ContradictionsAsync(operation, response)).Select(problem => $"{@case} → {problem}"));
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} requests over {operations.Count} operations; the examples answered: "
            + string.Join(", ", examples.Select(e => $"{e.Key.Method} {e.Key.Path} {(int)e.Value}")));
        Assert.True(contradictions.Count == 0, $"{contradictions.Count} of {sent} answers contradict the document:\n{string.Join('\n', contradictions)}");

        // The examples are requests the API takes: every read answers its example with success, so the walk also
        // checked a success body of each against its schema.
        Assert.All(examples.Where(e => e.Key.Method == "GET"), e => Assert.True(
            (int)e.Value is >= 200 and < 300, $"{e.Key} answered its documented example with {(int)e.Value}"));
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
}
