using System.Net;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Data.Seeding;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.Components.Pages.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Demo data is for Development. A database once opened in Development keeps its demo accounts (and their
/// published password); outside Development they cannot sign in, by form or by an old cookie, and
/// start-up says once how to remove them. Outside Development no demo employees are seeded unless asked.
/// </summary>
public sealed class DemoAccountTests
{
    private const string RealAdmin = "ops@example.com";
    private const string RealPassword = "a passphrase nobody guesses";

    [Fact]
    public void EveryDemoEmailIsInTheDemoRostersDomain()
    {
        Assert.Equal(DemoRosterGenerator.EmailDomain, DemoAccounts.Domain);
        Assert.True(DemoAccounts.IsDemo(DemoAccounts.AdminEmail));
        Assert.False(DemoAccounts.IsDemo("admin@contoso.example.com"));
    }

    [Fact]
    public async Task InProductionTheDemoAdminIsRefusedAsAWrongPasswordIsAndCannotOpenTheConsole()
    {
        await using var development = DirectoryAppFactory.Create();
        var demoPassword = development.DemoPassword;
        await using var production = InProductionOn(development);
        var cookies = new CookieContainer();
        using var client = production.CreateCookieClient(cookies);

        using var response = await LoginForm.SubmitAsync(client, DirectoryAppFactory.DemoAdminEmail, demoPassword);
        using var console = await client.GetAsync(new Uri("/admin/cache", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Login.RefusedMessage, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetAllCookies(), cookie => cookie.Name == AuthHostingExtensions.CookieName);
        Assert.Equal(HttpStatusCode.Found, console.StatusCode);
        Assert.StartsWith("/account/login", console.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionACookieTheDemoAdminGotInDevelopmentIsRefused()
    {
        // The key ring is in the database, so the Production server could read this cookie: it must refuse it.
        await using var development = DirectoryAppFactory.Create();
        var cookies = new CookieContainer();
        using (var devClient = development.CreateCookieClient(cookies))
        {
            (await LoginForm.SubmitAsync(devClient, DirectoryAppFactory.DemoAdminEmail, development.DemoPassword)).Dispose();
        }

        var cookie = Assert.Single(cookies.GetAllCookies(), c => c.Name == AuthHostingExtensions.CookieName);
        await using var production = InProductionOn(development);
        using var client = production.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");

        using var page = await client.GetAsync(new Uri("/admin/cache", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await client.GetAsync(new Uri("/api/admin/api-keys", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Found, HttpStatusCode.Unauthorized), (page.StatusCode, api.StatusCode));
    }

    [Fact]
    public async Task InProductionStartUpSaysOnceHowToRemoveTheDemoAccountsAndTheCommandRemovesOnlyThem()
    {
        await using var development = DirectoryAppFactory.Create();
        Assert.Equal(DemoAccounts.EmployeeCount, (await development.DemoEmployeesAsync()).Count);
        await using var production = InProductionOn(development);
        using (await production.SignInAsync(RealAdmin, RealPassword))
        {
        }

        var warning = Assert.Single(production.Logs.WithEventId(3006));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(AccountCommands.RemoveDemoAccounts, warning.Message, StringComparison.Ordinal);
        Assert.Contains(DirectoryAppFactory.DemoAdminEmail, warning.Message, StringComparison.Ordinal);

        var output = new StringWriter();
        var exitCode = await AccountCommands.RunAsync(production.Services, [AccountCommands.RemoveDemoAccounts], _ => null, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains("Removed 4 demo account(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal([RealAdmin], await production.QueryDatabaseAsync(db => db.Users.Select(u => u.Email!).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task InDevelopmentNothingIsReportedAndTheDemoAccountsSignIn()
    {
        await using var development = DirectoryAppFactory.Create();

        using var client = await development.SignInAsync(DirectoryAppFactory.DemoAdminEmail);

        Assert.Empty(development.Logs.WithEventId(3006));
    }

    [Fact]
    public async Task OutsideDevelopmentNoDemoEmployeesAreSeededUnlessConfigurationAsks()
    {
        await using var production = DirectoryAppFactory.Create(
            environment: Environments.Production,
            settings: new Dictionary<string, string?> { [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = null });

        Assert.Equal(0, await production.QueryDatabaseAsync(db => db.Employees.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await production.QueryDatabaseAsync(db => db.Departments.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task DevelopmentSeedsTheDemoRosterByDefault()
    {
        await using var development = DirectoryAppFactory.Create(
            settings: new Dictionary<string, string?> { [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = null });

        Assert.Equal(500, await development.QueryDatabaseAsync(db => db.Employees.CountAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>The same database, now started in Production with a real admin from configuration.</summary>
    private static DirectoryAppFactory InProductionOn(DirectoryAppFactory development) =>
        DirectoryAppFactory.Create(
            environment: Environments.Production,
            settings: new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = development.DatabaseConnectionString,
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SeedEmployees)}"] = "0",
                ["Admin:Email"] = RealAdmin,
                ["Admin:Password"] = RealPassword,
            });
}
