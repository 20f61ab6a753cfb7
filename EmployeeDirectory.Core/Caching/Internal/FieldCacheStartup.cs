using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>Subscribes the field cache to the invalidation channel when the app starts.</summary>
internal sealed class FieldCacheStartup(FieldCache cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => cache.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
