using System.Net;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Production has no default password anywhere: the first admin comes from <c>Admin:Email</c> and
/// <c>Admin:Password</c>, or from the <c>create-admin</c> command. Development seeds the demo accounts.
/// </summary>
public sealed class AdminAccountTests
{
    private const string AdminEmail = "first.admin@example.com";
    private const string AdminPassword = "a passphrase nobody guesses";

    [Fact]
    public async Task InProductionNoAccountExistsUntilOneIsConfigured()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production);

        var accounts = await app.QueryDatabaseAsync(db => db.Users.CountAsync(TestContext.Current.CancellationToken));
        var roles = await app.QueryDatabaseAsync(db => db.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, accounts);
        Assert.Equal([DirectoryRoles.Admin, DirectoryRoles.Employee], roles);
    }

    [Fact]
    public async Task InProductionTheFirstAdminComesFromConfiguration()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
        });

        using var client = await app.SignInAsync(AdminEmail, AdminPassword);
        using var adminOnly = await client.GetAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, adminOnly.StatusCode);
        Assert.Equal([AdminEmail], await app.QueryDatabaseAsync(db => db.Users.Select(u => u.Email!).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AWeakAdminPasswordStopsTheStartWithIdentitysReason()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: new Dictionary<string, string?>
        {
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = "short",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Passwords must be at least 12 characters", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordWithoutAnAdminEmailStopsTheStart()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production, settings: new Dictionary<string, string?>
        {
            ["Admin:Password"] = AdminPassword,
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Admin:Password is set but Admin:Email is not", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdminReadsThePasswordFromStandardInputAndNeverChangesAnExistingOne()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production);
        var output = new StringWriter();

        var created = await AccountCommands.RunAsync(app.Services, [AccountCommands.CreateAdmin, AdminEmail], _ => AdminPassword, output, TestContext.Current.CancellationToken);
        var repeated = await AccountCommands.RunAsync(app.Services, [AccountCommands.CreateAdmin, AdminEmail], _ => "some other long password", output, TestContext.Current.CancellationToken);

        Assert.Equal((0, 0), (created, repeated));
        Assert.Contains($"Created {AdminEmail} with role Admin.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Its password was not changed.", output.ToString(), StringComparison.Ordinal);
        using var client = await app.SignInAsync(AdminEmail, AdminPassword);
        using var adminOnly = await client.GetAsync(new Uri(ApiKeysApi.Route, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, adminOnly.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "create-admin" }, "a long enough password", 2)]
    [InlineData(new[] { "create-admin", "not-an-email" }, "a long enough password", 2)]
    [InlineData(new[] { "create-admin", "someone@example.com", "extra" }, "a long enough password", 2)]
    [InlineData(new[] { "create-admin", "someone@example.com" }, "", 1)]
    [InlineData(new[] { "create-employee", "someone@example.com" }, "short", 1)]
    public async Task AnAccountCommandThatCannotBeCarriedOutSaysWhyAndChangesNothing(string[] args, string password, int exitCode)
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production);
        var output = new StringWriter();

        var result = await AccountCommands.RunAsync(app.Services, args, _ => password, output, TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, result);
        Assert.False(string.IsNullOrWhiteSpace(output.ToString()));
        Assert.Equal(0, await app.QueryDatabaseAsync(db => db.Users.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task CreateEmployeeMakesAnAccountLinkedToTheEmployeeWithThatEmail()
    {
        await using var app = DirectoryAppFactory.Create(environment: Environments.Production);
        var employee = await GiveARealEmailAsync(app, await app.QueryDatabaseAsync(db => db.Employees.OrderBy(e => e.Id).Skip(5).FirstAsync(TestContext.Current.CancellationToken)));

        var result = await AccountCommands.RunAsync(app.Services, [AccountCommands.CreateEmployee, employee.Email], _ => AdminPassword, new StringWriter(), TestContext.Current.CancellationToken);
        using var client = await app.SignInAsync(employee.Email, AdminPassword);
        using var own = await Api.ApiJson.PutAsync(client, $"/api/employees/{employee.Id}/presence", new { status = "In" });

        Assert.Equal(0, result);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task InDevelopmentTheDemoAccountsAreAnAdminAndTheFirstThreeEmployees()
    {
        await using var app = DirectoryAppFactory.Create();
        var employees = await app.DemoEmployeesAsync();

        var accounts = await app.QueryDatabaseAsync(db => (
                from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                orderby user.Email
                select user.Email + " " + role.Name)
            .ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            employees.Select(e => $"{e.Email} {DirectoryRoles.Employee}").Append($"{DirectoryAppFactory.DemoAdminEmail} {DirectoryRoles.Admin}").Order(StringComparer.Ordinal),
            accounts.Order(StringComparer.Ordinal));
        foreach (var (_, email) in employees)
        {
            (await app.SignInAsync(email)).Dispose();
        }
    }

    [Fact]
    public async Task TheReadmeListsTheDemoAccountsAsTheyAreSeeded()
    {
        // The README's Sign-in section is what a newcomer reads; it must name the accounts that exist.
        await using var app = DirectoryAppFactory.Create(settings: new Dictionary<string, string?> { ["Database:SeedEmployees"] = "500" });
        var readme = await File.ReadAllTextAsync(FindReadme(), TestContext.Current.CancellationToken);

        Assert.Contains(app.DemoPassword, readme, StringComparison.Ordinal);
        Assert.Contains(DirectoryAppFactory.DemoAdminEmail, readme, StringComparison.Ordinal);
        foreach (var (_, email) in await app.DemoEmployeesAsync())
        {
            Assert.Contains(email, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APasswordIsStoredOnlyAsAnIdentityHash()
    {
        await using var app = DirectoryAppFactory.Create();

        var hash = await app.QueryDatabaseAsync(db => db.Users.Where(u => u.Email == DirectoryAppFactory.DemoAdminEmail).Select(u => u.PasswordHash!).SingleAsync(TestContext.Current.CancellationToken));

        Assert.DoesNotContain(app.DemoPassword, hash, StringComparison.Ordinal);
        var verified = new PasswordHasher<Core.Accounts.DirectoryUser>().VerifyHashedPassword(new(), hash, app.DemoPassword);
        Assert.Equal(PasswordVerificationResult.Success, verified);
    }

    /// <summary>
    /// Moves a demo employee out of the demo domain: outside Development, accounts there are demo
    /// accounts and cannot sign in.
    /// </summary>
    private static async Task<Core.Employees.Employee> GiveARealEmailAsync(DirectoryAppFactory app, Core.Employees.Employee employee)
    {
        var directory = app.Services.GetRequiredService<Core.Employees.IDirectoryService>();
        var current = (await directory.GetEmployeeAsync(employee.Id, TestContext.Current.CancellationToken))!.Profile;
        var email = $"employee.{employee.Id}@example.com";
        var saved = await directory.UpdateProfileAsync(employee.Id, Core.Employees.ProfileUpdate.From(current) with { Email = email }, TestContext.Current.CancellationToken);
        Assert.True(saved.IsOk, string.Join(" ", saved.Errors.SelectMany(error => error.Value)));
        employee.Email = email;
        return employee;
    }

    private static string FindReadme()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "EmployeeDirectory.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md was not found above the test output folder.");
    }
}
