using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Transport;

/// <summary>
/// Once the server listens, outside Development: warns when every address is plain HTTP, naming the addresses and
/// the proxies whose <c>X-Forwarded-Proto</c> is believed, because pages then work only through one of those proxies
/// ending TLS (<see cref="HttpsRequirement"/>).
/// </summary>
internal sealed partial class PlainHttpWarning(
    IServer server,
    IHostEnvironment environment,
    IOptions<ProxyOptions> proxies,
    ILogger<PlainHttpWarning> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!environment.IsDevelopment() && addresses.Count > 0 && addresses.All(address => address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            var trusted = string.Join(", ", proxies.Value.KnownProxies.Concat(proxies.Value.EffectiveNetworks));
            Log.PlainHttpOnly(logger, string.Join(", ", addresses), environment.EnvironmentName, trusted);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 7000, Level = LogLevel.Warning,
            Message = "Listening on plain HTTP only ({Addresses}) in {Environment}: pages need HTTPS, so browsers must come through a proxy that ends TLS and sends X-Forwarded-Proto. Only these proxies are believed: {TrustedProxies} (ForwardedHeaders:KnownNetworks / KnownProxies); pages reached any other way answer 400")]
        public static partial void PlainHttpOnly(ILogger logger, string addresses, string environment, string trustedProxies);
    }
}
