using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;

namespace EmployeeDirectory.Tests.Data;

/// <summary>
/// What the rehearsal's pretend SQL Server answers to one command: nothing, one value, rows whose columns
/// are taken by name (in the order the query selects them) from sample objects, or one result set each for
/// a batch of statements.
/// </summary>
internal sealed partial class SqlServerAnswer
{
    private readonly Func<string, DataTable[]> _tables;

    private SqlServerAnswer(Func<string, DataTable> table) => _tables = commandText => [table(commandText)];

    private SqlServerAnswer(IReadOnlyList<SqlServerAnswer> parts) =>
        _tables = commandText => [.. parts.SelectMany(part => part._tables(commandText))];

    /// <summary>No rows.</summary>
    public static SqlServerAnswer Nothing { get; } = new(_ => new DataTable());

    /// <summary>One row of one column: a scalar, an EXISTS, an UPDATE's <c>OUTPUT 1</c>.</summary>
    public static SqlServerAnswer Value(object value) => new(_ => Table([("Value", value)]));

    /// <summary>One row per sample: each selected column (<c>[e].[Title]</c>, <c>... AS [Name]</c>) read from the sample's property of that name.</summary>
    public static SqlServerAnswer Rows(params object[] samples) => new(commandText =>
    {
        var columns = SelectedColumns(commandText);
        var table = new DataTable();
        foreach (var sample in samples)
        {
            var values = columns.Select(column => (column, Read(sample, column))).ToList();
            if (table.Columns.Count == 0)
            {
                table = Table(values);
            }
            else
            {
                table.Rows.Add([.. values.Select(v => v.Item2)]);
            }
        }

        return table;
    });

    /// <summary>One result set per part, in order: a SaveChanges batch inserting into two tables reads two.</summary>
    public static SqlServerAnswer Batch(params SqlServerAnswer[] parts) => new(parts);

    public DbDataReader ReaderFor(string commandText) => new DataTableReader(_tables(commandText));

    private static DataTable Table(IReadOnlyList<(string Name, object Value)> row)
    {
        var table = new DataTable();
        foreach (var (name, value) in row)
        {
            table.Columns.Add(name, value is DBNull ? typeof(object) : value.GetType());
        }

        table.Rows.Add([.. row.Select(column => column.Value)]);
        return table;
    }

    private static object Read(object sample, string column)
    {
        var property = sample.GetType().GetProperty(column)
            ?? throw new InvalidOperationException($"The query selects [{column}], which the sample {sample.GetType().Name} does not have.");
        return property.GetValue(sample) switch
        {
            null => DBNull.Value,
            Enum value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
            var value => value,
        };
    }

    private static List<string> SelectedColumns(string commandText)
    {
        var select = SelectList().Match(commandText);
        if (!select.Success)
        {
            throw new InvalidOperationException($"Cannot read the selected columns of:{Environment.NewLine}{commandText}");
        }

        return [.. select.Groups["columns"].Value.Split(", ").Select(item => LastBracketed().Matches(item)[^1].Groups["name"].Value)];
    }

    [GeneratedRegex(@"^SELECT (?:TOP\(\w+\) )?(?<columns>.+?)\r?\nFROM ", RegexOptions.Singleline)]
    private static partial Regex SelectList();

    [GeneratedRegex(@"\[(?<name>[^\]]+)\]")]
    private static partial Regex LastBracketed();
}
