using System.Net;
using System.Text.Json;

namespace EmployeeDirectory.Tests.Api;

/// <summary>Assertions for the API's problem responses.</summary>
internal static class ApiAssert
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>The response is a problem with <paramref name="expected"/> status, served as application/problem+json.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal(ProblemContentType, response.Content.Headers.ContentType?.MediaType);

        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"Problem without a title: {body}");
        return problem;
    }

    /// <summary>The response is a 400 validation problem naming <paramref name="field"/> with a message.</summary>
    public static async Task<JsonElement> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = default(JsonElement);
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out messages),
            $"Expected an error for '{field}' in {problem}");
        Assert.Contains(messages.EnumerateArray(), message => !string.IsNullOrWhiteSpace(message.GetString()));
        return problem;
    }
}
