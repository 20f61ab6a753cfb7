using System.Globalization;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// Debian's nginx in front of the given upstreams, with the configuration rendered from
/// deploy/nginx.conf.template by deploy/render-nginx-conf.py (as for compose and scripts/cluster.sh):
/// run as this user in the foreground, with its pid file, logs and temporary files in a folder of its own
/// and listening on free loopback ports. Stopped by its process id; the folder is deleted on dispose.
/// </summary>
public sealed class NginxFrontDoor : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _folder;
    private readonly ChildProcess _process;

    private NginxFrontDoor(string folder, ChildProcess process, int port, int? httpsPort)
    {
        _folder = folder;
        _process = process;
        Port = port;
        HttpsPort = httpsPort;
    }

    /// <summary>The plain HTTP port (with TLS, the one that redirects to HTTPS).</summary>
    public int Port { get; }

    public int? HttpsPort { get; }

    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public Uri HttpsAddress => HttpsPort is { } port
        ? new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/")
        : throw new InvalidOperationException("This nginx has no TLS server.");

    /// <summary>The whole configuration nginx runs with.</summary>
    public string Configuration => File.ReadAllText(Path.Combine(_folder, "nginx.conf"));

    /// <param name="upstreams">The replicas, as HOST:PORT.</param>
    /// <param name="opsAllow">Networks allowed to reach /metrics and /health/*; loopback when not given.</param>
    /// <param name="tls">A PEM certificate and key: nginx then serves HTTPS and redirects plain HTTP to it.</param>
    /// <param name="cancellationToken">Stops waiting for nginx to listen.</param>
    public static async Task<NginxFrontDoor> StartAsync(
        IEnumerable<string> upstreams,
        IEnumerable<string>? opsAllow = null,
        (string Certificate, string Key)? tls = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        var nginx = Executables.Find("nginx", "nginx");
        var folder = Directory.CreateTempSubdirectory("employee-directory-nginx-").FullName;
        var port = LoopbackPort.Free();
        int? httpsPort = tls is null ? null : LoopbackPort.Free();

        List<string> arguments = [.. upstreams.SelectMany(upstream => new[] { "--upstream", upstream })];
        arguments.AddRange((opsAllow ?? ["127.0.0.1"]).SelectMany(network => new[] { "--ops-allow", network }));
        if (tls is { } files)
        {
            arguments.AddRange(["--listen", $"127.0.0.1:{httpsPort}", "--http-listen", $"127.0.0.1:{port}",
                "--tls-certificate", files.Certificate, "--tls-certificate-key", files.Key]);
        }
        else
        {
            arguments.AddRange(["--listen", $"127.0.0.1:{port}"]);
        }

        arguments.AddRange(["--standalone", folder, "-o", Path.Combine(folder, "nginx.conf")]);
        await RenderAsync(arguments, cancellationToken);

        var process = ChildProcess.Start(
            "nginx", nginx, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")], folder);
        var front = new NginxFrontDoor(folder, process, port, httpsPort);
        try
        {
            await Eventually.HoldsAsync(
                async () => process.HasExited
                    ? throw new InvalidOperationException($"nginx exited while starting:{Environment.NewLine}{front.ErrorLog()}")
                    : await LoopbackPort.AcceptsAsync(port, cancellationToken)
                        && (httpsPort is not { } secure || await LoopbackPort.AcceptsAsync(secure, cancellationToken)),
                $"nginx to listen on port {port}",
                StartTimeout);
        }
        catch
        {
            await front.DisposeAsync();
            throw;
        }

        return front;
    }

    /// <summary>nginx's error log, for failure messages.</summary>
    public string ErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : _process.RecentOutput();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
    }

    private static async Task RenderAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var rendered = await CommandLine.RunAsync(
            Executables.Find("python3", "python3"),
            [RepositoryLayout.Combine("deploy", "render-nginx-conf.py"), .. arguments],
            cancellationToken: cancellationToken);
        rendered.EnsureSuccess();
    }
}
