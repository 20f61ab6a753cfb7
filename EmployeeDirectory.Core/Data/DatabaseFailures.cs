using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmployeeDirectory.Core.Data;

/// <summary>What counts as the database being out of reach (as opposed to a bug or a broken rule): the one definition.</summary>
public static class DatabaseFailures
{
    // SQLite's result codes for a database that cannot be used right now: permission, busy, locked, read-only,
    // I/O error, corrupt, full, cannot open, authorisation, not a database.
    private static readonly HashSet<int> SqliteUnavailable = [3, 5, 6, 8, 10, 11, 13, 14, 23, 26];

    // SQL Server's errors for a broken rule rather than an unavailable server: duplicate key, unique index, foreign key.
    private static readonly HashSet<int> SqlServerRuleViolations = [2601, 2627, 547];

    /// <summary>
    /// True for a failure of the database itself (cannot open, locked, read-only, timed out, connection lost),
    /// including EF Core's wrappers around one; false for a broken rule such as a unique index.
    /// </summary>
    public static bool IsUnavailable(Exception error) => error switch
    {
        SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
        SqlException sqlServer => !SqlServerRuleViolations.Contains(sqlServer.Number),
        DbException or TimeoutException or RetryLimitExceededException => true,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
