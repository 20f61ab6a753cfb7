using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Auth;

namespace EmployeeDirectory.Tests.Api;

/// <summary>The factory can put the app on a real loopback port, as browser tests need.</summary>
public sealed class KestrelApiTests
{
    [Fact]
    public async Task TheApiAnswersOverRealHttpOnALoopbackPort()
    {
        await using var app = DirectoryAppFactory.Create();

        var address = app.StartKestrel();
        using var client = app.CreateApiClient(DirectoryRoles.Admin);
        var departments = await ApiJson.GetAsync<List<DepartmentResponse>>(client, "/api/departments");

        Assert.Equal(address, client.BaseAddress);
        Assert.True(address.IsLoopback, $"{address} is not a loopback address");
        Assert.NotEqual(0, address.Port);
        Assert.NotEmpty(departments);
    }

    [Fact]
    public async Task AnOverlongQueryStringIsRefusedByKestrelNotAnError()
    {
        // Over real HTTP Kestrel refuses a request line above 8 KB (414) before the app sees it;
        // in memory the same search is the directory's 400 (see SearchValidationApiTests).
        await using var app = DirectoryAppFactory.Create();
        using var client = new HttpClient { BaseAddress = app.StartKestrel() };

        using var response = await client.GetAsync("/api/employees?q=" + new string('a', 10_000), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task DisposingTheFactoryDeletesItsDatabase()
    {
        var app = DirectoryAppFactory.Create();
        using (var client = app.CreateApiClient(DirectoryRoles.Admin))
        {
            (await client.GetAsync("/api/departments", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        Assert.True(File.Exists(app.DatabasePath));
        await app.DisposeAsync();

        Assert.False(File.Exists(app.DatabasePath));
    }
}
