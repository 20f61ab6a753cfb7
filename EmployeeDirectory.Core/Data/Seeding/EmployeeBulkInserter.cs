using System.Data.Common;
using System.Text;
using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// Inserts employees with multi-row parameterised INSERT statements on the context's connection and
/// transaction. Table, columns, quoting and value conversion all come from the EF model of the
/// context's provider, so a row written here reads back exactly as one saved by EF (a Guid stays TEXT
/// on SQLite, the enum stays an int) — about ten times faster than change-tracked SaveChanges.
/// </summary>
internal sealed class EmployeeBulkInserter
{
    /// <summary>Rows per statement: 16 columns × 100 rows stays under SQL Server's 2,100 parameters.</summary>
    internal const int RowsPerStatement = 100;

    private readonly DirectoryDbContext db;
    private readonly ISqlGenerationHelper sql;
    private readonly IProperty[] columns;
    private readonly string insertPrefix;

    public EmployeeBulkInserter(DirectoryDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        this.db = db;
        sql = db.GetService<ISqlGenerationHelper>();

        var entityType = db.Model.FindEntityType(typeof(Employee))
            ?? throw new InvalidOperationException("Employee is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        columns = [.. entityType.GetProperties().Where(p => (p.ValueGenerated & ValueGenerated.OnAdd) == 0)];
        var columnList = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        insertPrefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) VALUES ";
    }

    /// <summary>Inserts every employee; the context must have an open transaction.</summary>
    public async Task InsertAsync(IEnumerable<Employee> employees, CancellationToken cancellationToken = default)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the seeding transaction.");
        var connection = db.Database.GetDbConnection();

        DbCommand? fullBatch = null;
        try
        {
            foreach (var rows in employees.Chunk(RowsPerStatement))
            {
                if (rows.Length == RowsPerStatement)
                {
                    fullBatch ??= CreateCommand(connection, transaction, RowsPerStatement);
                    await ExecuteAsync(fullBatch, rows, cancellationToken);
                }
                else
                {
                    await using var lastBatch = CreateCommand(connection, transaction, rows.Length);
                    await ExecuteAsync(lastBatch, rows, cancellationToken);
                }
            }
        }
        finally
        {
            if (fullBatch is not null)
            {
                await fullBatch.DisposeAsync();
            }
        }
    }

    /// <summary>Number of columns written per row (every property the database does not generate).</summary>
    internal int ColumnCount => columns.Length;

    /// <summary>The INSERT statement for <paramref name="rowCount"/> rows, parameters named <c>p{row}_{column}</c>.</summary>
    internal string InsertSql(int rowCount)
    {
        var text = new StringBuilder(insertPrefix);
        for (var row = 0; row < rowCount; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Length; column++)
            {
                text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(ParameterName(row, column)));
            }

            text.Append(')');
        }

        return text.Append(sql.StatementTerminator).ToString();
    }

    /// <summary>Replaces the command's parameters with the rows' values, converted as EF would convert them.</summary>
    internal void Bind(DbCommand command, IReadOnlyList<Employee> rows)
    {
        command.Parameters.Clear();
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < columns.Length; column++)
            {
                var property = columns[column];
                var value = property.GetGetter().GetClrValueUsingContainingEntity(rows[row]);
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                    command, sql.GenerateParameterName(ParameterName(row, column)), value, property.IsNullable));
            }
        }
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
        command.CommandText = InsertSql(rowCount);
        return command;
    }

    private async Task ExecuteAsync(DbCommand command, Employee[] rows, CancellationToken cancellationToken)
    {
        Bind(command, rows);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ParameterName(int row, int column) => $"p{row}_{column}";
}
