using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Observability;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Tests.Observability;

public sealed class ReadinessFailureTests
{
    [Fact]
    public async Task ReadyIsUnhealthyWith503WhenTheDatabaseCannotBeQueriedAndSaysNoMoreThanThat()
    {
        await using var app = DirectoryAppFactory.Create();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath)).StatusCode);

        // The file still opens, but the directory's table is gone: only a real query notices.
        await app.QueryDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE Employees RENAME TO EmployeesGone", TestContext.Current.CancellationToken));

        // Readiness answers from a report up to a second old.
        var ready = await Eventually.ReturnsAsync(
            () => HealthJson.GetAsync(client, ObservabilityHostingExtensions.ReadyPath),
            answer => answer.StatusCode != HttpStatusCode.OK,
            "readiness to notice the missing table");
        var live = await HealthJson.GetAsync(client, ObservabilityHostingExtensions.LivePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", ready.Status);
        Assert.Equal("Unhealthy", ready.Checks["database"].Status);
        Assert.Equal("The database does not answer queries; see the log.", ready.Checks["database"].Description);
        Assert.DoesNotContain("no such table", ready.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
