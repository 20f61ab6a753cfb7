using System.Text.Json;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Reads a server-sent-events stream one event at a time.</summary>
public static class ServerSentEvents
{
    /// <summary>The next event's type and JSON data; fails after <paramref name="timeout"/> (10 s by default) or when the stream ends.</summary>
    public static async Task<(string Kind, JsonElement Data)> NextAsync(StreamReader events, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        string? kind = null;
        while (await events.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kind = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (kind ?? "message", JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
