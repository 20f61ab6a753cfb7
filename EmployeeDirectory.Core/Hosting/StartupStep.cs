using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Hosting;

/// <summary>
/// Work that must finish before the app serves anything: it runs in <see cref="StartingAsync"/>, ahead of
/// every hosted service's StartAsync and so ahead of the server, in registration order. A failure stops
/// the start.
/// </summary>
public abstract class StartupStep : IHostedLifecycleService
{
    public abstract Task StartingAsync(CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
