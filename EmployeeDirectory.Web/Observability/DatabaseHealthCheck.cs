using System.Data.Common;
using EmployeeDirectory.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Ready when the directory's own table answers a query (that proves the connection, the credentials and
/// the schema, where opening a connection proves only the first) and no seeding is under way.
/// </summary>
internal sealed partial class DatabaseHealthCheck(IDbContextFactory<DirectoryDbContext> contexts, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Employees.AnyAsync(cancellationToken);
            if (await db.CacheGenerations.AnyAsync(g => g.SeedingSinceMs != null, cancellationToken))
            {
                // Seeding commits the roster at once; until then the directory would look empty.
                return new HealthCheckResult(context.Registration.FailureStatus, "The database is being seeded; not ready yet.");
            }

            return HealthCheckResult.Healthy(
                "The database answers queries.",
                new Dictionary<string, object> { ["provider"] = ProviderName(db) });
        }
        catch (Exception error) when (error is DbException or InvalidOperationException or TimeoutException)
        {
            // The reason goes to the log, not to this anonymous endpoint: it can name hosts and users.
            Log.DatabaseUnavailable(logger, error);
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer queries; see the log.");
        }
    }

    private static string ProviderName(DirectoryDbContext db) =>
        db.Database.ProviderName?.Split('.').LastOrDefault() ?? "unknown";

    private static partial class Log
    {
        [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Readiness: the database did not answer the health query")]
        public static partial void DatabaseUnavailable(ILogger logger, Exception error);
    }
}
