using EmployeeDirectory.Core.Hosting;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// Before the server serves (and after the database is migrated): subscribes the field cache to the
/// invalidation channel, moves it to the database's cache generation and sends outbox intents left unsent.
/// </summary>
internal sealed class FieldCacheStartup(FieldCache cache) : StartupStep
{
    public override Task StartingAsync(CancellationToken cancellationToken) => cache.StartAsync(cancellationToken);
}
