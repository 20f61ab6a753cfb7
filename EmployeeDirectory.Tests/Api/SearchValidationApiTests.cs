using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>Every bad search parameter is a 400 validation problem naming the parameter, never a 500.</summary>
public sealed class SearchValidationApiTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private readonly HttpClient client = app.CreateApiClient(DirectoryRoles.Admin);

    public static TheoryData<string, string> BadQueries => new()
    {
        { "q=" + new string('a', 10_000), "q" },
        { "q=" + new string('x', 201), "q" },
        { "pageSize=0", "pageSize" },
        { "pageSize=100000", "pageSize" },
        { "pageSize=-5", "pageSize" },
        { "pageSize=ten", "pageSize" },
        { "page=0", "page" },
        { "page=abc", "page" },
        { "page=99999999999", "page" },
        { "status=Maybe", "status" },
        { "status=1", "status" },
        { "sort=bogus", "sort" },
        { "sort=7", "sort" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task ABadSearchParameterIsA400NamingIt(string query, string field)
    {
        using var response = await client.GetAsync($"/api/employees?{query}", TestContext.Current.CancellationToken);

        await ApiAssert.FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task EveryBadParameterIsReportedAtOnce()
    {
        using var response = await client.GetAsync("/api/employees?status=Maybe&sort=bogus&page=abc", TestContext.Current.CancellationToken);

        var problem = await ApiAssert.FieldErrorAsync(response, "status");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("sort", out _), $"sort missing from {errors}");
        Assert.True(errors.TryGetProperty("page", out _), $"page missing from {errors}");
    }

    [Fact]
    public async Task TheLongestAcceptedTextIsAccepted()
    {
        var page = await ApiJson.GetAsync<Web.Api.EmployeePageResponse>(client, "/api/employees?q=" + new string('x', 200));

        Assert.Empty(page.Items);
    }
}
