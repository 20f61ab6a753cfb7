using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Core.Data;

/// <summary>
/// Database settings, bound from the <c>Database</c> section and validated at start-up. The connection
/// string itself is read from <c>ConnectionStrings:Directory</c> on either provider; for SQLite it
/// defaults to <c>Data Source={contentRoot}/data/directory.db</c>, while SQL Server requires it.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section the options bind to.</summary>
    public const string SectionName = "Database";

    /// <summary>Name of the connection string (<c>ConnectionStrings:Directory</c>).</summary>
    public const string ConnectionStringName = "Directory";

    /// <summary>Largest demo roster the seeder will generate.</summary>
    public const int MaxSeedEmployees = 100_000;

    /// <summary>Which engine to use; SQLite unless configured otherwise.</summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How many demo employees to generate when the database is empty at start-up (0, the default,
    /// disables seeding). appsettings.Development.json asks for 500; elsewhere demo employees are seeded
    /// only when configuration asks for them. A database that already holds departments or employees is
    /// never seeded.
    /// </summary>
    [Range(0, MaxSeedEmployees)]
    public int SeedEmployees { get; set; }

    /// <summary>
    /// Apply pending migrations at start-up. Turn off where a DBA applies the idempotent script
    /// (see <c>scripts/check-migrations.sh</c>) instead.
    /// </summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>
    /// The resolved connection string (from <c>ConnectionStrings:Directory</c> or the SQLite default).
    /// Not bound from the <c>Database</c> section.
    /// </summary>
    public string ConnectionString { get; internal set; } = "";
}
