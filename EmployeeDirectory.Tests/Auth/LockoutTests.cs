using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Lockout without disclosure: an unknown email, a wrong password and a locked account get the very same
/// page. Wrong passwords no longer lock an account (Security/SignInBackoffTests), but a lockout set otherwise (by
/// an earlier version, or in the database) is honoured: an admin ends it through the API or the
/// <c>unlock-account</c> command, and <c>create-admin</c> ends one too, so a locked-out admin can always get back in.
/// </summary>
public sealed partial class LockoutTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task AnUnknownEmailAWrongPasswordAndALockedAccountGetTheSamePage()
    {
        await app.CreateAccountAsync("known.wrong@example.com", Password, DirectoryRoles.Employee);
        await LockAsync("known.locked@example.com");

        var unknown = await AnswerAsync("nobody.at.all@example.com", Password);
        var wrong = await AnswerAsync("known.wrong@example.com", "not the password");
        var locked = await AnswerAsync("known.locked@example.com", Password);

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains(Web.Components.Pages.Account.Login.RefusedMessage, unknown.Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminUnlocksAnAccountThroughTheApiAndItSignsInAtOnce()
    {
        const string email = "unlock.by.api@example.com";
        await LockAsync(email);
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/admin/accounts/unlock", new { email }, ApiJson.Options, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal((0, (DateTimeOffset?)null), await LockoutAsync(email));
        (await app.SignInAsync(email, Password)).Dispose();
    }

    [Fact]
    public async Task UnlockingAnUnknownAccountIsA404AndAMissingEmailA400()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);

        using var unknown = await admin.PostAsJsonAsync("/api/admin/accounts/unlock", new { email = "nobody.here@example.com" }, ApiJson.Options, TestContext.Current.CancellationToken);
        using var missing = await admin.PostAsJsonAsync("/api/admin/accounts/unlock", new { email = "" }, ApiJson.Options, TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ApiAssert.FieldErrorAsync(missing, "email");
    }

    [Theory]
    [InlineData(AccountCommands.UnlockAccount)]
    [InlineData(AccountCommands.CreateAdmin)]
    public async Task TheUnlockAndCreateAdminCommandsEndALockout(string command)
    {
        var email = $"{command}.locked@example.com";
        await LockAsync(email);
        var output = new StringWriter();

        var exitCode = await AccountCommands.RunAsync(app.Services, [command, email], _ => "some other long password", output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains("can sign in now", output.ToString(), StringComparison.Ordinal);
        Assert.Equal((0, (DateTimeOffset?)null), await LockoutAsync(email));
        (await app.SignInAsync(email, Password)).Dispose();
    }

    [Fact]
    public async Task UnlockingAnAccountThatDoesNotExistSaysSoAndFails()
    {
        var output = new StringWriter();

        var exitCode = await AccountCommands.RunAsync(app.Services, [AccountCommands.UnlockAccount, "nobody.else@example.com"], _ => null, output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("There is no account for nobody.else@example.com", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Creates the account and locks it as an earlier version's five wrong passwords did: for 15 minutes, in the database.</summary>
    private async Task LockAsync(string email)
    {
        await app.CreateAccountAsync(email, Password, DirectoryRoles.Employee);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);
            Assert.True((await users.AccessFailedAsync(user!)).Succeeded);
        }

        Assert.NotNull((await LockoutAsync(email)).End);
    }

    /// <summary>
    /// What a person sees: status and page, with the email typed back and what is made afresh for each
    /// answer (the form's token, Blazor's persisted state, the script nonce) taken out.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Page)> AnswerAsync(string email, string password)
    {
        using var client = app.CreateCookieClient(new CookieContainer());
        using var response = await LoginForm.SubmitAsync(client, email, password);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page = AntiforgeryToken().Replace(page.Replace(email, "{email}", StringComparison.Ordinal), "{token}");
        page = PersistedState().Replace(page, "{state}");
        page = ScriptNonce().Replace(page, "{nonce}");
        return (response.StatusCode, page);
    }

    private Task<(int FailedAttempts, DateTimeOffset? End)> LockoutAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.QueryDatabaseAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized, TestContext.Current.CancellationToken);
            return (user.AccessFailedCount, user.LockoutEnd);
        });
    }

    [GeneratedRegex("""name="__RequestVerificationToken"\s+value="[^"]+""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex PersistedState();

    [GeneratedRegex("""nonce="[^"]+""")]
    private static partial Regex ScriptNonce();
}
