using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployeeDirectory.Tests.Api;

/// <summary>How a client reads and writes the API's JSON (camelCase, enums by name).</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Fail($"Expected success but got {(int)response.StatusCode}: {body}");
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var value = await response.Content.ReadFromJsonAsync<T>(Options, cancellationToken);
        Assert.NotNull(value);
        return value;
    }

    public static async Task<T> GetAsync<T>(HttpClient client, string uri) =>
        await ReadAsync<T>(await client.GetAsync(uri, TestContext.Current.CancellationToken));

    public static Task<HttpResponseMessage> PutAsync<T>(HttpClient client, string uri, T body) =>
        client.PutAsJsonAsync(uri, body, Options, TestContext.Current.CancellationToken);

    /// <summary>PUT with a body sent exactly as given, however malformed.</summary>
    public static async Task<HttpResponseMessage> PutRawAsync(HttpClient client, string uri, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        return await client.PutAsync(uri, content, TestContext.Current.CancellationToken);
    }
}
