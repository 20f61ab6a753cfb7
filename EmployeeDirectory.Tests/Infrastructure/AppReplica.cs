using System.Globalization;
using System.Net;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// One replica of the app as its own process: the web app's build output run with <c>dotnet</c> on a free
/// loopback port, as scripts/cluster.sh runs it. Configuration comes in as environment variables.
/// It can be killed (a crash) and started again on the same port.
/// </summary>
public sealed class AppReplica : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly IReadOnlyDictionary<string, string?> _environment;
    private ChildProcess? _process;

    /// <param name="name">The replica's name (<c>Replica:Name</c>, so its <c>X-Served-By</c>).</param>
    /// <param name="settings">Configuration keys (<c>Database:Provider</c>) and values.</param>
    public AppReplica(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        Port = LoopbackPort.Free();
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => (string?)s.Value);
        environment["Replica__Name"] = name;
        environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // Nothing from the test run's own hosting settings may leak in.
        environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = null;
        environment["DOTNET_HOSTBUILDER__RELOADCONFIGONCHANGE"] = "false";
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException($"{Name} is not running.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and returns once <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var dll = Path.Combine(RepositoryLayout.WebAppFolder, "EmployeeDirectory.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build the solution in {RepositoryLayout.Configuration} first.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ChildProcess.Start(Name, "dotnet", [dll], RepositoryLayout.WebAppFolder, _environment);
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.HoldsAsync(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"{Name} exited while starting.{Environment.NewLine}{_process.RecentOutput()}");
                    }

                    try
                    {
                        using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                $"{Name} to answer /health/ready on {Address}",
                StartTimeout);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{failure.Message}{Environment.NewLine}{_process.RecentOutput()}", failure);
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), as an orchestrator would.</summary>
    public Task StopAsync() => _process?.StopAsync() ?? Task.CompletedTask;

    /// <summary>Kills the process abruptly: open circuits and connections die with it.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    public string RecentOutput() => _process?.RecentOutput() ?? $"{Name} never started.";

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }
}
