using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Observability;

/// <summary>
/// Who reaches the management endpoints, decided by the app: their paths in any spelling (routing ignores case and
/// a trailing slash, and so does this), only from <c>Management:AllowedNetworks</c>, and with <c>Management:Urls</c>
/// only on that listener, which serves nothing else. The listener split is checked first in the pipeline (a start-up
/// filter: the port a connection arrived on cannot be forged); the network when the endpoint runs, after the
/// forwarded headers of a trusted proxy have given the client's own address.
/// </summary>
internal static partial class ManagementAccess
{
    private static readonly PathString[] Paths = [ObservabilityHostingExtensions.MetricsPath, "/health"];

    public static bool IsManagementPath(PathString path) => Paths.Any(prefix => path.StartsWithSegments(prefix));

    /// <summary>The port of a management address, or null when it names none (or is not http/https).</summary>
    public static int? PortOf(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var authority = url[(scheme + 3)..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        return colon > 0 && colon > authority.LastIndexOf(']')
            && int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : null;
    }

    /// <summary>Adds <c>Management:Urls</c> to the addresses the server listens on (the app's own ones as configured, or Kestrel's default).</summary>
    public static void AddListener(WebApplicationBuilder builder, ManagementOptions options)
    {
        if (options.UrlList.Count == 0)
        {
            return;
        }

        var configuration = builder.Configuration;
        var own = configuration["urls"];
        if (string.IsNullOrWhiteSpace(own))
        {
            var ports = Ports(configuration["http_ports"]).Select(port => $"http://*:{port}")
                .Concat(Ports(configuration["https_ports"]).Select(port => $"https://*:{port}"))
                .ToList();
            own = ports.Count > 0 ? string.Join(';', ports) : "http://localhost:5000";
        }

        builder.WebHost.UseUrls([.. own.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. options.UrlList]);
    }

    /// <summary>First in the pipeline: management paths only on the management listener, and nothing else there.</summary>
    public static IStartupFilter ListenerSplit() => new ListenerSplitFilter();

    /// <summary>Wraps a management endpoint so it answers only the allowed networks.</summary>
    public static TBuilder OnlyFromAllowedNetworks<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoint.Add(builder =>
        {
            var inner = builder.RequestDelegate ?? throw new InvalidOperationException("A management endpoint has no request delegate to guard.");
            var options = builder.ApplicationServices.GetRequiredService<IOptions<ManagementOptions>>().Value;
            var networks = options.EffectiveNetworks.Select(network => System.Net.IPNetwork.Parse(network)).ToArray();
            var logger = builder.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ManagementAccess));
            builder.RequestDelegate = context =>
            {
                if (IsAllowed(context.Connection.RemoteIpAddress, networks))
                {
                    return inner(context);
                }

                Log.Refused(logger, context.Request.Path, context.Connection.RemoteIpAddress);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("The management endpoints answer only the networks in Management:AllowedNetworks.", context.RequestAborted);
            };
        });
        return endpoint;
    }

    /// <summary>In-process callers and Unix sockets have no address and are local.</summary>
    private static bool IsAllowed(IPAddress? address, IReadOnlyList<System.Net.IPNetwork> networks)
    {
        if (address is null)
        {
            return true;
        }

        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(network => network.Contains(client));
    }

    private static string[] Ports(string? ports) =>
        string.IsNullOrWhiteSpace(ports) ? [] : ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class ListenerSplitFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var options = app.ApplicationServices.GetRequiredService<IOptions<ManagementOptions>>().Value;
            var ports = options.UrlList.Select(PortOf).OfType<int>().ToHashSet();
            if (ports.Count > 0)
            {
                app.Use((context, nextMiddleware) =>
                {
                    var onManagementListener = ports.Contains(context.Connection.LocalPort);
                    if (onManagementListener == IsManagementPath(context.Request.Path))
                    {
                        return nextMiddleware(context);
                    }

                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            }

            next(app);
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Refused {Path} to {Address}: not in Management:AllowedNetworks")]
        public static partial void Refused(ILogger logger, PathString path, IPAddress? address);
    }
}
