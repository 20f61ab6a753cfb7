using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>
/// Development's demo accounts: one admin who is nobody in the roster, and the first three employees of
/// the demo roster (by id), so signing in as them shows an employee's view of their own row. All share
/// the password in <c>Auth:DemoPassword</c>; the README lists them. Every demo email is in the demo
/// roster's domain, a reserved <c>.example</c> name no real person has: outside Development any account
/// there is a demo account, refused at sign-in, whenever and however it was made.
/// </summary>
internal static class DemoAccounts
{
    /// <summary>The demo roster's email domain (the seeder's <c>DemoRosterGenerator.EmailDomain</c>).</summary>
    public const string Domain = "contoso.example";

    public const string AdminEmail = "admin@" + Domain;

    public const int EmployeeCount = 3;

    /// <summary>The form <see cref="Core.Accounts.DirectoryUser"/> stores in NormalizedEmail ends with this.</summary>
    public const string NormalizedSuffix = "@CONTOSO.EXAMPLE";

    public static bool IsDemo(string? email) =>
        email is not null && email.Trim().EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);

    public static async Task<IReadOnlyList<string>> EmployeeEmailsAsync(
        IDbContextFactory<DirectoryDbContext> contexts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Employees
            .AsNoTracking()
            .OrderBy(employee => employee.Id)
            .Select(employee => employee.Email)
            .Take(EmployeeCount)
            .ToListAsync(cancellationToken);
    }
}
