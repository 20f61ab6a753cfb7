using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Links callers to employee rows by email: an account (or an employee API key) is the employee whose
/// normalized email equals its own. Read straight from the database at sign-in, not through the cache:
/// the link decides what a caller may change, so it must not be stale.
/// </summary>
internal sealed class EmployeeAccountLinks(IDbContextFactory<DirectoryDbContext> contexts)
{
    public async Task<int?> FindEmployeeIdAsync(string? email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalized = AccountEmail.Normalize(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Employees
            .AsNoTracking()
            .Where(employee => employee.NormalizedEmail == normalized)
            .Select(employee => (int?)employee.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
