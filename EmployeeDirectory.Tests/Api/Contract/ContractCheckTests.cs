using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// The walk's checker catches answers that contradict the live document: each test takes an answer the API really
/// gave, changes one thing about it, and expects the checker to name that thing (and nothing for the real answer).
/// </summary>
public sealed class ContractCheckTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task TheApiRealAnswerAgreesWithTheDocument()
    {
        var (contract, operation, employee) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.OK, employee.ToJsonString());

        Assert.Empty(await contract.ContradictionsAsync(operation, answer));
    }

    [Fact]
    public async Task AnEmployeeWithoutItsPresenceContradictsTheDocument()
    {
        var (contract, operation, employee) = await GetEmployeeAsync();
        employee.Remove("presence");

        using var answer = Answer(HttpStatusCode.OK, employee.ToJsonString());

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("\"presence\" is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusOutsideItsEnumContradictsTheDocument()
    {
        var (contract, operation, employee) = await GetEmployeeAsync();
        employee["presence"]!["status"] = "Maybe";

        using var answer = Answer(HttpStatusCode.OK, employee.ToJsonString());

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("body.presence.status: \"Maybe\" is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANumberWhereTheDocumentSaysTextContradictsIt()
    {
        var (contract, operation, employee) = await GetEmployeeAsync();
        employee["email"] = 42;

        using var answer = Answer(HttpStatusCode.OK, employee.ToJsonString());

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("body.email: 42 is not string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedTimeContradictsTheDocument()
    {
        var (contract, operation, employee) = await GetEmployeeAsync();
        employee["presence"]!["changedAt"] = "yesterday";

        using var answer = Answer(HttpStatusCode.OK, employee.ToJsonString());

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("body.presence.changedAt: \"yesterday\" is not a valid date-time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusTheOperationDoesNotDeclareContradictsTheDocument()
    {
        var (contract, operation, _) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.Conflict, """{"title":"Conflict","status":409}""", ApiAssert.ProblemContentType);

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("answered 409, which the document does not declare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServerErrorContradictsTheDocument()
    {
        var (contract, operation, _) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.InternalServerError, """{"title":"Oops","status":500}""", ApiAssert.ProblemContentType);

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("answered 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClientErrorThatIsNotAProblemDocumentContradictsTheDocument()
    {
        var (contract, operation, _) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.NotFound, """{"title":"Employee not found","status":404}""", "application/json");

        var contradictions = await contract.ContradictionsAsync(operation, answer);

        Assert.Contains(contradictions, p => p.Contains("answered 404 as application/json, where the document declares application/problem+json", StringComparison.Ordinal));
        Assert.Contains(contradictions, p => p.Contains("not as a problem document", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProblemWithoutATitleContradictsTheDocument()
    {
        var (contract, operation, _) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.NotFound, """{"status":404}""", ApiAssert.ProblemContentType);

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("\"title\" is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProblemThatNamesAnotherStatusContradictsTheDocument()
    {
        var (contract, operation, _) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.NotFound, """{"title":"Bad","status":400}""", ApiAssert.ProblemContentType);

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("a problem whose status is 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATooManyRequestsAnswerWithoutRetryAfterContradictsTheDocument()
    {
        var (contract, operation, _) = await GetEmployeeAsync();

        using var answer = Answer(HttpStatusCode.TooManyRequests, """{"title":"Too many requests","status":429}""", ApiAssert.ProblemContentType);

        Assert.Contains(await contract.ContradictionsAsync(operation, answer), p => p.Contains("without the Retry-After header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABodyWhereTheDocumentDeclaresNoneContradictsIt()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        var contract = await ApiContract.LoadAsync(admin);
        var revoke = contract.Operations.Single(o => o.Id == "RevokeApiKey");

        using var answer = Answer(HttpStatusCode.NoContent, """{"revoked":true}""");

        Assert.Contains(await contract.ContradictionsAsync(revoke, answer), p => p.Contains("with a body (application/json), where the document declares none", StringComparison.Ordinal));
    }

    private async Task<(ApiContract Contract, ContractOperation Operation, JsonObject Employee)> GetEmployeeAsync()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        var contract = await ApiContract.LoadAsync(admin);
        var operation = contract.Operations.Single(o => o.Id == "GetEmployee");
        var id = (await app.DemoEmployeesAsync())[0].Id;
        var employee = JsonNode.Parse(await admin.GetStringAsync($"/api/employees/{id}", TestContext.Current.CancellationToken))!.AsObject();
        return (contract, operation, employee);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
