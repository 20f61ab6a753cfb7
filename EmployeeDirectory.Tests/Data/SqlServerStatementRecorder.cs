using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmployeeDirectory.Tests.Data;

/// <summary>One command EF Core sent, as SQL Server would have received it.</summary>
internal sealed record SqlServerStatement(string Sql, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>
/// Stands in for SQL Server under a context configured for it: the connection is never opened, every
/// command is recorded and answered from <see cref="Answers"/> (in order; nothing once they run out),
/// and a statement that changes rows reports one row changed.
/// </summary>
internal sealed class SqlServerStatementRecorder : DbCommandInterceptor
{
    public List<SqlServerStatement> Statements { get; } = [];

    public Queue<SqlServerAnswer> Answers { get; } = new();

    /// <summary>Leaves the connection closed: there is no server.</summary>
    public static IInterceptor ClosedConnection { get; } = new ConnectionNeverOpens();

    /// <summary>Every command takes the rehearsal's pretend transactions (<see cref="RehearsalCommand"/>).</summary>
    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result) => new RehearsalCommand(result);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command)));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return InterceptionResult<int>.SuppressWithResult(1);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    private DbDataReader Answer(DbCommand command)
    {
        Record(command);
        return (Answers.TryDequeue(out var answer) ? answer : SqlServerAnswer.Nothing).ReaderFor(command.CommandText);
    }

    private void Record(DbCommand command) =>
        Statements.Add(new SqlServerStatement(
            command.CommandText,
            command.Parameters.Cast<DbParameter>().ToDictionary(p => p.ParameterName, p => p.Value is DBNull ? null : p.Value)));

    private sealed class ConnectionNeverOpens : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }
}
