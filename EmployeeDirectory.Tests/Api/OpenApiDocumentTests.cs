using System.Text.Json;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>The OpenAPI document describes the API as it is.</summary>
public sealed class OpenApiDocumentTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task TheDocumentIsServedAndListsEveryRoute()
    {
        using var client = app.CreateApiClient(DirectoryRoles.Admin);

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/employees").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/employees/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/employees/{id}").TryGetProperty("put", out var updateProfile));
        Assert.True(paths.GetProperty("/api/employees/{id}/presence").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/departments").TryGetProperty("get", out _));

        var responses = updateProfile.GetProperty("responses");
        foreach (var status in new[] { "200", "400", "404", "409" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"PUT /api/employees/{{id}} does not document {status}");
        }

        var search = paths.GetProperty("/api/employees").GetProperty("get").GetProperty("parameters");
        Assert.Equal(
            ["q", "department", "status", "sort", "page", "pageSize"],
            search.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
