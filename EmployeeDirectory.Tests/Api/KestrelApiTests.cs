using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Api;

namespace EmployeeDirectory.Tests.Api;

/// <summary>The factory can put the app on a real loopback port, as browser tests need.</summary>
public sealed class KestrelApiTests
{
    [Fact]
    public async Task TheApiAnswersOverRealHttpOnALoopbackPort()
    {
        await using var app = DirectoryAppFactory.Create();

        var address = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        var departments = await ApiJson.GetAsync<List<DepartmentResponse>>(client, "/api/departments");

        Assert.True(address.IsLoopback, $"{address} is not a loopback address");
        Assert.NotEqual(0, address.Port);
        Assert.NotEmpty(departments);
    }

    [Fact]
    public async Task DisposingTheFactoryDeletesItsDatabase()
    {
        var app = DirectoryAppFactory.Create();
        using (var client = app.CreateApiClient())
        {
            (await client.GetAsync("/api/departments", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        Assert.True(File.Exists(app.DatabasePath));
        await app.DisposeAsync();

        Assert.False(File.Exists(app.DatabasePath));
    }
}
