using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// Fills <see cref="DatabaseOptions.ConnectionString"/> from <c>ConnectionStrings:Directory</c>, falling
/// back to a SQLite file in the content root's git-ignored <c>data</c> folder.
/// </summary>
internal sealed class DatabaseConnectionResolver(IConfiguration configuration, IHostEnvironment environment)
    : IPostConfigureOptions<DatabaseOptions>
{
    public const string DefaultSqliteFolder = "data";
    public const string DefaultSqliteFile = "directory.db";

    public void PostConfigure(string? name, DatabaseOptions options)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            options.ConnectionString = configured;
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.Provider == DatabaseProvider.Sqlite)
        {
            options.ConnectionString = DefaultSqliteConnectionString(environment.ContentRootPath);
        }
    }

    public static string DefaultSqliteConnectionString(string contentRoot) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(contentRoot, DefaultSqliteFolder, DefaultSqliteFile),
        }.ToString();
}
