using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Hosting;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>
/// Prepares sign-in before the server takes requests (in <see cref="StartingAsync"/>, after the database
/// initializer, which is registered first): the roles; the admin named by <c>Admin:Email</c>; in
/// Development the demo accounts and the <c>Auth:SeedApiKey</c> key. Outside Development a seed key is
/// refused, any key seeded earlier or created by a demo account is revoked, and demo accounts left from a
/// Development start (refused at sign-in) are reported once with the command that removes them. A bad admin setting stops the start
/// with the reason.
/// </summary>
internal sealed partial class AccountBootstrapper(
    IServiceScopeFactory scopes,
    IOptions<AdminAccountOptions> admin,
    IOptions<AuthOptions> auth,
    IHostEnvironment environment,
    ApiKeyStore keys,
    IDbContextFactory<DirectoryDbContext> contexts,
    ILogger<AccountBootstrapper> logger) : StartupStep
{
    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountProvisioner>();
        await accounts.EnsureRolesAsync();
        await EnsureConfiguredAdminAsync(accounts);

        if (environment.IsDevelopment())
        {
            await SeedDemoAccountsAsync(accounts, cancellationToken);
            await SeedApiKeyAsync(cancellationToken);
        }
        else
        {
            await RefuseSeedApiKeyAsync(cancellationToken);
            await ReportDemoAccountsAsync(accounts, cancellationToken);
        }

        if (!await accounts.AnyAdminAsync())
        {
            Log.NoAdmin(logger);
        }
    }

    private async Task EnsureConfiguredAdminAsync(AccountProvisioner accounts)
    {
        var settings = admin.Value;
        if (string.IsNullOrWhiteSpace(settings.Email))
        {
            return;
        }

        var result = await accounts.EnsureAccountAsync(settings.Email, settings.Password, DirectoryRoles.Admin);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The admin account from Admin:Email ({settings.Email}) could not be set up: {string.Join(" ", result.Errors)}");
        }

        if (result.Change != AccountChange.Unchanged)
        {
            Log.AdminEnsured(logger, settings.Email, result.Change);
        }
    }

    private async Task SeedDemoAccountsAsync(AccountProvisioner accounts, CancellationToken cancellationToken)
    {
        var password = auth.Value.DemoPassword;
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        var employees = await DemoAccounts.EmployeeEmailsAsync(contexts, cancellationToken);
        var wanted = employees.Select(email => (Email: email, Role: DirectoryRoles.Employee))
            .Prepend((Email: DemoAccounts.AdminEmail, Role: DirectoryRoles.Admin));
        foreach (var (email, role) in wanted)
        {
            var result = await accounts.EnsureAccountAsync(email, password, role);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo account {email} could not be created: {string.Join(" ", result.Errors)}");
            }

            if (result.Change == AccountChange.Created)
            {
                Log.DemoAccountCreated(logger, email, role);
            }
        }
    }

    private async Task ReportDemoAccountsAsync(AccountProvisioner accounts, CancellationToken cancellationToken)
    {
        var demo = await accounts.DemoAccountEmailsAsync(cancellationToken);
        if (demo.Count > 0)
        {
            Log.DemoAccountsRefused(logger, demo.Count, string.Join(", ", demo), environment.EnvironmentName);
        }
    }

    private async Task SeedApiKeyAsync(CancellationToken cancellationToken)
    {
        var seed = auth.Value.SeedApiKey;
        if (string.IsNullOrWhiteSpace(seed))
        {
            return;
        }

        switch (await keys.SeedAsync(seed.Trim(), cancellationToken))
        {
            case SeedKeyState.Created:
                Log.SeedKeyCreated(logger);
                break;
            case SeedKeyState.Revoked:
                Log.SeedKeyStaysRevoked(logger);
                break;
        }
    }

    private async Task RefuseSeedApiKeyAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(auth.Value.SeedApiKey))
        {
            Log.SeedKeyIgnored(logger, environment.EnvironmentName);
        }

        var revoked = await keys.RevokeSeededAsync(cancellationToken);
        if (revoked > 0)
        {
            Log.SeedKeysRevoked(logger, revoked, environment.EnvironmentName);
        }

        var demo = await keys.RevokeCreatedByDemoAccountsAsync($"start-up in {environment.EnvironmentName} (demo accounts' keys)", cancellationToken);
        if (demo > 0)
        {
            Log.DemoKeysRevoked(logger, demo, environment.EnvironmentName);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Admin account {Email} from configuration: {Change}")]
        public static partial void AdminEnsured(ILogger logger, string email, AccountChange change);

        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Demo account {Email} created with role {Role}")]
        public static partial void DemoAccountCreated(ILogger logger, string email, string role);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
            Message = "No admin account exists. Set Admin__Email and Admin__Password, or run: dotnet run --project EmployeeDirectory.Web -- create-admin <email>")]
        public static partial void NoAdmin(ILogger logger);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Admin API key from Auth:SeedApiKey is ready (Development only)")]
        public static partial void SeedKeyCreated(ILogger logger);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
            Message = "Auth:SeedApiKey is set but ignored: keys are seeded from configuration in Development only, not in {Environment}")]
        public static partial void SeedKeyIgnored(ILogger logger, string environment);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
            Message = "Revoked {Count} API key(s) seeded from configuration in Development: they are not valid in {Environment}")]
        public static partial void SeedKeysRevoked(ILogger logger, int count, string environment);

        [LoggerMessage(EventId = 3009, Level = LogLevel.Warning,
            Message = "Revoked {Count} API key(s) created by demo accounts: demo accounts and their keys are not valid in {Environment}")]
        public static partial void DemoKeysRevoked(ILogger logger, int count, string environment);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Warning,
            Message = "The admin API key from Auth:SeedApiKey was revoked and stays revoked: set Auth:SeedApiKey to a new value to get a working key")]
        public static partial void SeedKeyStaysRevoked(ILogger logger);

        [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
            Message = "This database holds {Count} demo account(s) from a Development start ({Accounts}). They cannot sign in in {Environment}. Remove them: dotnet run --project EmployeeDirectory.Web -- " + AccountCommands.RemoveDemoAccounts + " (in a container: dotnet EmployeeDirectory.Web.dll " + AccountCommands.RemoveDemoAccounts + ")")]
        public static partial void DemoAccountsRefused(ILogger logger, int count, string accounts, string environment);
    }
}
