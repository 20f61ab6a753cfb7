using System.Net;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Tests.Faults;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.RateLimiting;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, the export: a CSV of everyone is written from the roster index and the presence aggregate the server
/// already holds, so it costs the database nothing (it is served with the database locked); and a caller runs one
/// export at a time, a server <c>RateLimits:Export:PerReplica</c>, the rest answered 429 until one finishes.
/// </summary>
public sealed class ExportAbuseTests
{
    private const string Export = "/api/employees/export.csv";

    private static readonly string[] ReadOnly = [ApiKeyScopes.DirectoryRead];

    [Fact]
    public async Task AnExportOfEveryoneIsServedWithTheDatabaseLocked()
    {
        await using var app = DirectoryAppFactory.Create(databaseBusyTimeout: TimeSpan.FromSeconds(1));
        using var admin = await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail);
        var before = await admin.GetStringAsync(new Uri(Export, UriKind.Relative), TestContext.Current.CancellationToken);

        string during;
        await using (await SqliteFileLock.AcquireAsync(app.DatabasePath))
        {
            during = await admin.GetStringAsync(new Uri(Export, UriKind.Relative), TestContext.Current.CancellationToken);
        }

        Assert.Equal(DirectoryAppFactory.SeedEmployees + 1, during.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(before, during);
    }

    [Fact]
    public async Task ACallerRunsOneExportAtATimeAndAServerAFew()
    {
        // Enough rows that an export nobody reads stays open: its CSV (about 240 KB) is far more than the 64 KB the
        // in-memory server buffers before the writer waits for the reader.
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?>
        {
            ["Database:SeedEmployees"] = "3000",
            ["RateLimits:Export:PerReplica"] = "2",
        });
        using var first = (await app.CreateScopedApiClientAsync("first", ReadOnly)).Client;
        using var second = (await app.CreateScopedApiClientAsync("second", ReadOnly)).Client;
        using var third = (await app.CreateScopedApiClientAsync("third", ReadOnly)).Client;

        var running = await StartAsync(first);
        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        using (var again = await StartAsync(first))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(ExportLimit.RetryAfterSeconds), again.Headers.RetryAfter?.Delta);
        }

        using var other = await StartAsync(second);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using (var overTheServer = await StartAsync(third))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, overTheServer.StatusCode);
        }

        // Once the first export is over, its caller may start another.
        var rows = (await running.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(3_001, rows);
        running.Dispose();
        await Eventually.HoldsAsync(
            async () =>
            {
                using var next = await StartAsync(first);
                return next.StatusCode == HttpStatusCode.OK;
            },
            "the first caller to be allowed a new export once the first was written");
    }

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client) =>
        await client.GetAsync(new Uri(Export, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
}
