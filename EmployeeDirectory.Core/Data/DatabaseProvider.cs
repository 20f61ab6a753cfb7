namespace EmployeeDirectory.Core.Data;

/// <summary>The database engine behind the directory (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the embedded default, no server needed.</summary>
    Sqlite = 0,

    /// <summary>Microsoft SQL Server, for the scaled-out deployment.</summary>
    SqlServer = 1,
}
