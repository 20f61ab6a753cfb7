using Microsoft.Extensions.Hosting;

namespace EmployeeDirectory.Core.Hosting;

/// <summary>
/// Work that must finish before the app serves anything: it runs in <see cref="StartingAsync"/>, ahead of
/// every hosted service's StartAsync and so ahead of the server, in registration order. A failure stops
/// the start.
/// </summary>
public abstract class StartupStep : IHostedLifecycleService
{
    /// <summary>The work; it runs before the server starts.</summary>
    public abstract Task StartingAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
