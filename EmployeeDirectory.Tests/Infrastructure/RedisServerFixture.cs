using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// A real, throw-away <c>redis-server</c> on a free loopback port, with no persistence.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> simulate an outage and recovery on the same port.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private const int OutputLinesKept = 40;

    private readonly Lock _gate = new();
    private readonly Queue<string> _output = new();
    private Process? _process;

    public RedisServerFixture()
    {
        Port = FindFreeLoopbackPort();
    }

    /// <summary>The loopback port; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string that keeps retrying while the server is down.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public bool IsRunning => _process is { HasExited: false };

    public async ValueTask InitializeAsync() => await StartAsync();

    /// <summary>Starts the server (if it is not running) and returns once it answers PING.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        _process?.Dispose();
        var process = Process.Start(CreateStartInfo())
            ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await Eventually.HoldsAsync(
                async () => process.HasExited
                    ? throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} while starting on port {Port}:{Environment.NewLine}{RecentOutput()}")
                    : await AnswersPingAsync(cancellationToken),
                $"redis-server to answer PING on port {Port}",
                StartTimeout,
                RecentOutput);
        }
        catch
        {
            await KillAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Kills the server abruptly, as a crash or network loss would look to clients.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => KillAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task KillAsync(CancellationToken cancellationToken = default)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(cancellationToken);
        }
    }

    private ProcessStartInfo CreateStartInfo()
    {
        var executable = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "redis-server is not installed, and the cache tests need a real one. "
            + "Run ./build.sh test (it installs it on Debian) or: apt-get install redis-server");

        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--daemonize", "no",
            "--loglevel", "warning",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private string RecentOutput()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
