using EmployeeDirectory.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// Makes a SQLite database unavailable the way another process can: a connection of the test's own takes the
/// file's exclusive lock (<c>locking_mode=EXCLUSIVE</c>, then <c>BEGIN EXCLUSIVE</c>) and holds it, so every other
/// connection's query waits out its busy timeout and fails with SQLITE_BUSY (as root, taking file permissions
/// away would change nothing). In WAL mode every open connection holds a shared lock, so this process's pooled
/// idle connections (the app's: the tests host it in process) are closed first, as an outage would drop them; the
/// fault tests run alone (<see cref="FaultsTestGroup"/>), so no other test's connections are in the pools. Disposing releases it.
/// </summary>
public sealed class SqliteFileLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteFileLock(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteFileLock> AcquireAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 1 }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(connection, "PRAGMA locking_mode = EXCLUSIVE;");
        await Eventually.HoldsAsync(
            async () =>
            {
                // A connection in use right now is closed when it goes back to its pool; try again.
                SqliteConnection.ClearAllPools();
                try
                {
                    await ExecuteAsync(connection, "BEGIN EXCLUSIVE;");
                    return true;
                }
                catch (SqliteException error) when (error.SqliteErrorCode is 5 or 6)
                {
                    return false;
                }
            },
            $"an exclusive lock on {databasePath}");
        return new SqliteFileLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync(_connection, "ROLLBACK;");
        await _connection.DisposeAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
