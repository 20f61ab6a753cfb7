using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Data;

/// <summary>Rules across fields that data annotations cannot express: a parsable connection string.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Key = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{Key} is required when Database:Provider is {options.Provider}.");
        }

        try
        {
            _ = options.Provider switch
            {
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(options.ConnectionString).ConnectionString,
                _ => new SqliteConnectionStringBuilder(options.ConnectionString).ConnectionString,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a valid {options.Provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
