using System.Diagnostics;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// A server process a test starts (an app replica, nginx), with the tail of its output kept for failure
/// messages. It is stopped by its own process id: <see cref="StopAsync"/> asks (SIGTERM), <see cref="KillAsync"/> does not.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 60;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Queue<string> _output = new();
    private readonly Process _process;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/>; <paramref name="environment"/> adds to (or, with null, removes from) this process's variables.</summary>
    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{name} ({fileName}) did not start.");
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => child.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string RecentOutput()
    {
        lock (_gate)
        {
            return $"--- last output of {Name} (pid {Id}) ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
        }
    }

    /// <summary>Kills the process at once, as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM) and kills it if it is still running after a grace period.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } }))
        {
            await kill!.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
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
}
