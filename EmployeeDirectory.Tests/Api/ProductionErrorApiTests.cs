using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Api;

/// <summary>
/// Outside Development binding failures do not throw; the status code page must still answer with a problem.
/// </summary>
public sealed class ProductionErrorApiTests(ProductionErrorApiTests.ProductionApp app) : IClassFixture<ProductionErrorApiTests.ProductionApp>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    [Theory]
    [InlineData("/api/employees/1/presence", "{\"status\": ")]
    [InlineData("/api/employees/1/presence", "")]
    [InlineData("/api/employees/1", "not json")]
    public async Task AnUnreadableBodyIsA400Problem(string path, string body)
    {
        using var response = await ApiJson.PutRawAsync(client, path, body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnUnknownRouteIsA404Problem()
    {
        using var response = await client.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AProblemIsServedEvenToAClientThatOnlyAcceptsHtml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    public sealed class ProductionApp() : DirectoryAppFactory(redisConnectionString: null, Environments.Production, settings: null);
}
