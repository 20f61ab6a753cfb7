using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>
/// Development's demo accounts: one admin who is nobody in the roster, and the first three employees of
/// the demo roster (by id), so signing in as them shows an employee's view of their own row. All share
/// the password in <c>Auth:DemoPassword</c>; the README lists them.
/// </summary>
internal static class DemoAccounts
{
    public const string AdminEmail = "admin@contoso.example";

    public const int EmployeeCount = 3;

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
