using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Tests.Data;

/// <summary>
/// The Core services and loaders composed as the app composes them (memory cache only), over a context
/// configured for SQL Server that never reaches a server: whatever they run is translated by the SQL Server
/// provider and recorded in <see cref="Sql"/>. A fresh rehearsal has an empty cache, so every read reaches the loaders.
/// </summary>
internal sealed class SqlServerRehearsal : IAsyncDisposable
{
    /// <summary>A server that does not exist: nothing here may open a connection.</summary>
    public const string UnreachableSqlServer =
        "Server=tcp:sqlserver.invalid,1433;Database=EmployeeDirectory;User Id=sa;Password=unused;Encrypt=True;Connect Timeout=1";

    private readonly IHost _host;

    private SqlServerRehearsal(IHost host, SqlServerStatementRecorder sql)
    {
        _host = host;
        Sql = sql;
    }

    public SqlServerStatementRecorder Sql { get; }

    public IDirectoryService Directory => _host.Services.GetRequiredService<IDirectoryService>();

    public IPresenceService Presence => _host.Services.GetRequiredService<IPresenceService>();

    internal EmployeeLoader Loader => _host.Services.GetRequiredService<EmployeeLoader>();

    public IInvalidationOutbox Outbox => _host.Services.GetRequiredService<IInvalidationOutbox>();

    public ICacheGenerations Generations => _host.Services.GetRequiredService<ICacheGenerations>();

    public static SqlServerRehearsal Create()
    {
        var sql = new SqlServerStatementRecorder();
        var options = new DbContextOptionsBuilder<SqlServerDirectoryDbContext>()
            .UseSqlServer(UnreachableSqlServer)
            .AddInterceptors(SqlServerStatementRecorder.ClosedConnection, new SqlServerNoTransactions(), sql)
            .Options;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cache:Prefix"] = "ed:" });
        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<IDbContextFactory<DirectoryDbContext>>(new Contexts(options));
        builder.AddDirectoryCache();
        builder.AddDirectoryServices();
        return new SqlServerRehearsal(builder.Build(), sql);
    }

    /// <summary>Runs <paramref name="operation"/> with the server answering <paramref name="answers"/> in turn, and returns what it sent.</summary>
    public async Task<IReadOnlyList<SqlServerStatement>> RunAsync(Func<SqlServerRehearsal, Task> operation, IEnumerable<SqlServerAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var answer in answers)
        {
            Sql.Answers.Enqueue(answer);
        }

        await operation(this);
        return Sql.Statements;
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Contexts(DbContextOptions<SqlServerDirectoryDbContext> options) : IDbContextFactory<DirectoryDbContext>
    {
        public DirectoryDbContext CreateDbContext() => new SqlServerDirectoryDbContext(options);
    }
}
