using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every entry the app writes (at the levels its configuration lets
/// through), so a test can check what was logged, at which level, and how often.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> WithEventId(int eventId) => [.. _entries.Where(entry => entry.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}

/// <summary>One entry the app logged.</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);
