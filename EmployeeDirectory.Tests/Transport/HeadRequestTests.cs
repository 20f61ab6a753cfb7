using System.Net;
using EmployeeDirectory.Tests.Auth;

namespace EmployeeDirectory.Tests.Transport;

/// <summary>HEAD answers wherever GET does, with the GET's status and headers and no body.</summary>
public sealed class HeadRequestTests(SignedInApp app) : IClassFixture<SignedInApp>
{
    public static TheoryData<string, Caller> Cases()
    {
        var cases = new TheoryData<string, Caller>();
        foreach (var path in new[] { "/", "/employees/{own}", "/account/login", "/no-such-page", "/health/live", "/health/ready", "/metrics", "/api/employees", "/api/departments", "/openapi/v1.json", "/favicon.svg" })
        {
            cases.Add(path, Caller.Anonymous);
            cases.Add(path, Caller.AdminCookie);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HeadAnswersAsGetDoesWithoutABody(string path, Caller caller)
    {
        var client = await app.ClientAsync(caller);
        var uri = new Uri(path.Replace("{own}", (await app.OwnEmployeeAsync()).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);

        using var get = await client.GetAsync(uri, TestContext.Current.CancellationToken);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, uri), TestContext.Current.CancellationToken);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OverARealConnectionHeadLeavesTheConnectionFitForTheNextRequest()
    {
        // Kestrel checks a response's length against its Content-Length; a HEAD must not trip that.
        await using var server = Infrastructure.DirectoryAppFactory.Create();
        using var client = new HttpClient { BaseAddress = server.StartKestrel() };
        foreach (var path in new[] { "/account/login", "/favicon.svg", "/health/ready", "/metrics" })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), TestContext.Current.CancellationToken);
            using var get = await client.GetAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (head.StatusCode, get.StatusCode));
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
