using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>
/// One-off commands run instead of the server:
/// <code>
/// dotnet run --project EmployeeDirectory.Web -- create-admin ada@example.com      (asks for the password)
/// echo "$PASSWORD" | dotnet run --project EmployeeDirectory.Web -- create-employee bob@example.com
/// dotnet run --project EmployeeDirectory.Web -- unlock-account bob@example.com
/// dotnet run --project EmployeeDirectory.Web -- remove-demo-accounts
/// </code>
/// A password is read from standard input, never from the command line (which other users and shell
/// history can see). <c>create-admin</c> also ends a lockout of an existing account, so a locked-out
/// admin can always get back in. The database must be current: start the app once first, or apply the
/// migration script.
/// </summary>
public static class AccountCommands
{
    public const string CreateAdmin = "create-admin";
    public const string CreateEmployee = "create-employee";
    public const string UnlockAccount = "unlock-account";
    public const string RemoveDemoAccounts = "remove-demo-accounts";

    private const string Usage =
        $"Usage: {CreateAdmin} <email> | {CreateEmployee} <email> (the password is read from standard input) | {UnlockAccount} <email> | {RemoveDemoAccounts}";

    /// <summary>Runs an account command if <paramref name="args"/> name one; returns false otherwise (start the server).</summary>
    public static async Task<bool> RunAccountCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsAccountCommand(args))
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(app.Services, args, ConsolePassword.Read, Console.Out);
        return true;
    }

    public static bool IsAccountCommand(IReadOnlyList<string> args) =>
        args is [CreateAdmin or CreateEmployee or UnlockAccount or RemoveDemoAccounts, ..];

    /// <summary>Exit codes: 0 done, 1 refused (with the reason), 2 usage.</summary>
    internal static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyList<string> args, Func<TextWriter, string?> readPassword, TextWriter output,
        CancellationToken cancellationToken = default)
    {
        var valid = args switch
        {
            [CreateAdmin or CreateEmployee or UnlockAccount, var email] => AccountEmail.IsValid(email),
            [RemoveDemoAccounts] => true,
            _ => false,
        };
        if (!valid)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (!await DatabaseIsCurrentAsync(services, cancellationToken))
        {
            await output.WriteLineAsync("The database is missing or not up to date. Start the app once (it applies migrations), or apply the migration script, then run this again.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountProvisioner>();
        return args[0] switch
        {
            UnlockAccount => await UnlockAsync(accounts, args[1], output),
            RemoveDemoAccounts => await RemoveDemoAccountsAsync(accounts, output, cancellationToken),
            _ => await CreateAsync(accounts, args[0], args[1], readPassword, output),
        };
    }

    private static async Task<int> CreateAsync(
        AccountProvisioner accounts, string command, string email, Func<TextWriter, string?> readPassword, TextWriter output)
    {
        var password = readPassword(output);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given: nothing was changed.");
            return 1;
        }

        var role = command == CreateAdmin ? DirectoryRoles.Admin : DirectoryRoles.Employee;
        await accounts.EnsureRolesAsync();
        var result = await accounts.EnsureAccountAsync(email, password, role);
        await output.WriteLineAsync(result.Change switch
        {
            AccountChange.Created => $"Created {email} with role {role}.",
            AccountChange.RoleGranted => $"{email} already had an account; it now has role {role}. Its password was not changed.",
            AccountChange.Unchanged => $"{email} already has an account with role {role}. Its password was not changed.",
            _ => $"Nothing was changed: {string.Join(" ", result.Errors)}",
        });
        if (result.Succeeded && command == CreateAdmin && result.Change != AccountChange.Created && await accounts.UnlockAsync(email, $"the {CreateAdmin} command"))
        {
            await output.WriteLineAsync($"Any lockout of {email} is cleared: it can sign in now.");
        }

        return result.Succeeded ? 0 : 1;
    }

    private static async Task<int> UnlockAsync(AccountProvisioner accounts, string email, TextWriter output)
    {
        if (!await accounts.UnlockAsync(email, $"the {UnlockAccount} command"))
        {
            await output.WriteLineAsync($"There is no account for {email}: nothing was changed.");
            return 1;
        }

        await output.WriteLineAsync($"{email} is unlocked and its failed attempts are cleared: it can sign in now.");
        return 0;
    }

    private static async Task<int> RemoveDemoAccountsAsync(AccountProvisioner accounts, TextWriter output, CancellationToken cancellationToken)
    {
        var removed = await accounts.RemoveDemoAccountsAsync(cancellationToken);
        await output.WriteLineAsync(removed.Count == 0
            ? "There are no demo accounts in this database."
            : $"Removed {removed.Count} demo account(s): {string.Join(", ", removed)}.");
        return 0;
    }

    private static async Task<bool> DatabaseIsCurrentAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<DirectoryDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            return false;
        }
    }
}
