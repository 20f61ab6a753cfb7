using System.Diagnostics;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>What a command that ran to its end printed, and how it ended.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The result, or an exception carrying the command's output if it failed.</summary>
    public CommandResult EnsureSuccess() => ExitCode == 0
        ? this
        : throw new InvalidOperationException(
            $"{Command} exited with {ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}");
}

/// <summary>Runs a short command (a renderer, a config check, a script) to completion.</summary>
public static class CommandLine
{
    /// <summary>Runs <paramref name="fileName"/> in the repository root; <paramref name="environment"/> adds to (null: removes from) the inherited variables. Killed after <paramref name="timeout"/>.</summary>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryLayout.Root,
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

        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', startInfo.ArgumentList)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{command} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {(timeout ?? TimeSpan.FromMinutes(1)).TotalSeconds} s.");
        }

        return new CommandResult(command, process.ExitCode, await output, await error);
    }
}
