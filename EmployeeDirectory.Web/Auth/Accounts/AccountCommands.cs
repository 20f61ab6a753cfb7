using System.Text;
using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>
/// One-off commands run instead of the server:
/// <code>
/// dotnet run --project EmployeeDirectory.Web -- create-admin ada@example.com      (asks for the password)
/// echo "$PASSWORD" | dotnet run --project EmployeeDirectory.Web -- create-employee bob@example.com
/// </code>
/// The password is read from standard input, never from the command line (which other users and shell
/// history can see). The database must be current: start the app once first, or apply the migration script.
/// </summary>
public static class AccountCommands
{
    public const string CreateAdmin = "create-admin";
    public const string CreateEmployee = "create-employee";

    /// <summary>Runs an account command if <paramref name="args"/> name one; returns false otherwise (start the server).</summary>
    public static async Task<bool> RunAccountCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsAccountCommand(args))
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(app.Services, args, ReadPasswordFromConsole, Console.Out);
        return true;
    }

    public static bool IsAccountCommand(IReadOnlyList<string> args) =>
        args is [CreateAdmin or CreateEmployee, ..];

    /// <summary>Exit codes: 0 done, 1 refused (with the reason), 2 usage.</summary>
    internal static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyList<string> args, Func<TextWriter, string?> readPassword, TextWriter output,
        CancellationToken cancellationToken = default)
    {
        if (args is not [var command, var email] || !AccountEmail.IsValid(email))
        {
            await output.WriteLineAsync($"Usage: {CreateAdmin} <email>  or  {CreateEmployee} <email>; the password is read from standard input.");
            return 2;
        }

        if (!await DatabaseIsCurrentAsync(services, cancellationToken))
        {
            await output.WriteLineAsync("The database is missing or not up to date. Start the app once (it applies migrations), or apply the migration script, then run this again.");
            return 1;
        }

        var password = readPassword(output);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given: nothing was changed.");
            return 1;
        }

        var role = command == CreateAdmin ? DirectoryRoles.Admin : DirectoryRoles.Employee;
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountProvisioner>();
        await accounts.EnsureRolesAsync();
        var result = await accounts.EnsureAccountAsync(email, password, role);
        await output.WriteLineAsync(result.Change switch
        {
            AccountChange.Created => $"Created {email} with role {role}.",
            AccountChange.RoleGranted => $"{email} already had an account; it now has role {role}. Its password was not changed.",
            AccountChange.Unchanged => $"{email} already has an account with role {role}. Its password was not changed.",
            _ => $"Nothing was changed: {string.Join(" ", result.Errors)}",
        });
        return result.Succeeded ? 0 : 1;
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

    /// <summary>Piped input: one line. At a terminal: typed twice without echo.</summary>
    private static string? ReadPasswordFromConsole(TextWriter output)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        output.Write("Password: ");
        var first = ReadHidden();
        output.Write("Again: ");
        var second = ReadHidden();
        if (first == second)
        {
            return first;
        }

        output.WriteLine("The two passwords differ.");
        return null;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
