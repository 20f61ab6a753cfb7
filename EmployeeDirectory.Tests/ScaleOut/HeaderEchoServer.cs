using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// A stand-in upstream for nginx on a free loopback port: answers every request with the request line and
/// headers it received as JSON, and remembers the paths it was asked for, so a test sees exactly what nginx
/// passed on (and what it did not).
/// </summary>
public sealed class HeaderEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeaderEchoServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Upstream => $"127.0.0.1:{Port}";

    /// <summary>Paths (with query) of every request that reached this server.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<HeaderEchoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        HeaderEchoServer? server = null;
        app.Run(context =>
        {
            server!.Received.Enqueue($"{context.Request.Path}{context.Request.QueryString}");
            var echo = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            echo[":path"] = $"{context.Request.Path}{context.Request.QueryString}";
            return context.Response.WriteAsJsonAsync(echo);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new HeaderEchoServer(app, new Uri(address).Port);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
