using System.Net;
using System.Text.Json;

namespace EmployeeDirectory.Tests.Observability;

/// <summary>A health endpoint's answer: the HTTP status and the JSON body, read as the endpoint documents it.</summary>
internal sealed record HealthJson(HttpStatusCode StatusCode, string Status, IReadOnlyDictionary<string, HealthJson.Check> Checks, string Body)
{
    public static async Task<HealthJson> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(
            check => check.GetProperty("name").GetString()!,
            check => new Check(
                check.GetProperty("status").GetString()!,
                check.GetProperty("description").GetString(),
                check.GetProperty("data").EnumerateObject().ToDictionary(item => item.Name, item => item.Value.GetString()!)));
        return new HealthJson(response.StatusCode, root.GetProperty("status").GetString()!, checks, body);
    }

    internal sealed record Check(string Status, string? Description, IReadOnlyDictionary<string, string> Data);
}
