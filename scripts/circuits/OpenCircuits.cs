#:package Microsoft.AspNetCore.SignalR.Client
#:package Microsoft.AspNetCore.SignalR.Protocols.MessagePack
#:property PublishAot=false

// Opens Blazor Server circuits against a running app the way blazor.web.js does, and keeps them open:
// sign in through the login form, GET the directory page, connect the SignalR hub with the "blazorpack"
// protocol, StartCircuit, then UpdateRootComponents with the page's prerendered component markers. Every
// render batch is acknowledged and every JS interop call answered (with no value), as a browser tab would.
// Every batch is checked before it is acknowledged: batch ids must follow one another, or the page fell behind.
// Used by scripts/circuit-memory.sh and scripts/live-pages.sh to measure what open circuits cost a replica.
//
//   dotnet run scripts/circuits/OpenCircuits.cs -- --url http://127.0.0.1:8080/ --count 1000 \
//       --email admin@contoso.example --password ... [--hold-file PATH] [--writes FILE --shown ID,ID,...]
// Prints "open: N" once every circuit is up, then holds them until PATH is deleted (or stdin closes).
// With --writes (the log of scripts/load/writer.py --log), it notes when each page's batches showed a write's
// marker, and at the end prints, for every write to an employee in --shown (the rows the pages show), the time
// from the API's answer to the batch that showed it on each page: "latency: ..." (and "missing: N" for writes a
// page never showed, which fail the run).
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

var options = Arguments.Parse(args);
var cookies = new CookieContainer();
using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = options.Url };
await SignInAsync(http, options.Email, options.Password);

var circuits = new ConcurrentBag<HubConnection>();
var pages = new ConcurrentBag<PageRecord>();
var failures = 0;
using (var gate = new SemaphoreSlim(8))
{
    await Task.WhenAll(Enumerable.Range(0, options.Count).Select(async _ =>
    {
        await gate.WaitAsync();
        try
        {
            var page = new PageRecord();
            circuits.Add(await OpenCircuitAsync(http, cookies, options.Url, page));
            pages.Add(page);
        }
        catch (Exception error) when (error is HttpRequestException or HubException or InvalidOperationException or IOException or TimeoutException)
        {
            Interlocked.Increment(ref failures);
            await Console.Error.WriteLineAsync($"a circuit failed to open: {error.Message}");
        }
        finally
        {
            gate.Release();
        }
    }));
}

Console.WriteLine($"open: {circuits.Count} (render batches acknowledged: {Counters.RenderBatches}, JS calls answered: {Counters.JsCalls})");
if (failures > 0)
{
    Console.WriteLine($"failed: {failures}");
}

if (options.HoldFile is { } hold)
{
    while (File.Exists(hold))
    {
        await Task.Delay(200);
    }
}
else
{
    await Console.In.ReadToEndAsync();
}

var outOfOrder = pages.Sum(page => page.OutOfOrder);
Console.WriteLine($"batches: {Counters.RenderBatches} acknowledged, {outOfOrder} out of order");
var verdict = failures == 0 && outOfOrder == 0 ? 0 : 1;
if (options.WritesFile is { } writesFile)
{
    verdict |= Latency.Report(writesFile, options.Shown, [.. pages]);
}

await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
return verdict;

static async Task SignInAsync(HttpClient http, string email, string password)
{
    var page = await http.GetStringAsync(new Uri("account/login", UriKind.Relative));
    var token = Markup.AntiforgeryToken().Match(page).Groups["token"].Value;
    using var form = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    });
    using var response = await http.PostAsync(new Uri("account/login", UriKind.Relative), form);
    if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) != false)
    {
        throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
    }
}

static async Task<HubConnection> OpenCircuitAsync(HttpClient http, CookieContainer cookies, Uri url, PageRecord record)
{
    var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
    var markers = Markup.ServerComponent().Matches(page).Select(m => JsonNode.Parse(m.Groups["marker"].Value)!.AsObject()).ToList();
    var state = Markup.ComponentState().Match(page) is { Success: true } found ? found.Groups["state"].Value : "";
    if (markers.Count == 0)
    {
        throw new InvalidOperationException("The page has no interactive server components (not signed in?).");
    }

    var builder = new HubConnectionBuilder();
    builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
    var hub = builder
        .WithUrl(new Uri(url, "_blazor"), o =>
        {
            o.Cookies = cookies;
            o.Transports = HttpTransportType.WebSockets;
        })
        .Build();
    // A measurement pauses the server (a full GC with a heap walk); do not give up on it meanwhile.
    hub.ServerTimeout = TimeSpan.FromMinutes(5);
    var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    hub.On<long, byte[]>("JS.RenderBatch", (batch, bytes) =>
    {
        Interlocked.Increment(ref Counters.RenderBatches);
        record.Received(batch, bytes, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        rendered.TrySetResult();
        return hub.SendAsync("OnRenderCompleted", batch, null);
    });
    hub.On<long, string, string, int, long>("JS.BeginInvokeJS", (handle, _, _, _, _) =>
    {
        Interlocked.Increment(ref Counters.JsCalls);
        return hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle.ToString(CultureInfo.InvariantCulture)},true,null]");
    });
    await hub.StartAsync();

    var circuit = await hub.InvokeAsync<string?>("StartCircuit", url.ToString(), url.ToString(), "[]", "");
    if (circuit is null)
    {
        throw new InvalidOperationException("StartCircuit was refused.");
    }

    var operations = new JsonArray([.. markers.Select((marker, index) =>
    {
        marker["uniqueId"] = index;
        return (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = index + 1, ["marker"] = marker };
    })]);
    await hub.SendAsync("UpdateRootComponents", new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(), state);

    // Open means rendered: the server has sent the page's first render batch over this circuit.
    await rendered.Task.WaitAsync(TimeSpan.FromSeconds(60));
    return hub;
}

internal static class Counters
{
    public static int RenderBatches;
    public static int JsCalls;
}

/// <summary>One page's render batches: whether they came in order, and when each write's marker first showed.</summary>
internal sealed class PageRecord
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _shown = new(StringComparer.Ordinal);
    private long _lastBatch;

    public int OutOfOrder { get; private set; }

    public void Received(long batch, byte[] bytes, long arrivedAtMs)
    {
        lock (_gate)
        {
            if (_lastBatch != 0 && batch != _lastBatch + 1)
            {
                OutOfOrder++;
            }

            _lastBatch = batch;
            foreach (var marker in Markers(bytes))
            {
                _shown.TryAdd(marker, arrivedAtMs);
            }
        }
    }

    public long? ShownAt(string marker)
    {
        lock (_gate)
        {
            return _shown.TryGetValue(marker, out var at) ? at : null;
        }
    }

    /// <summary>The "lp-N" markers in a batch (its strings are UTF-8).</summary>
    private static List<string> Markers(byte[] bytes)
    {
        var found = new List<string>();
        var span = bytes.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            var at = span[start..].IndexOf("lp-"u8);
            if (at < 0)
            {
                break;
            }

            var digits = start + at + 3;
            var end = digits;
            while (end < span.Length && span[end] is >= (byte)'0' and <= (byte)'9')
            {
                end++;
            }

            if (end > digits)
            {
                found.Add(System.Text.Encoding.ASCII.GetString(span[(start + at)..end]));
            }

            start = end;
        }

        return found;
    }
}

/// <summary>From the API's answer to each write to the batch that showed it, on every page that shows the row.</summary>
internal static class Latency
{
    public static int Report(string writesFile, IReadOnlySet<int> shown, IReadOnlyList<PageRecord> pages)
    {
        var writes = File.ReadAllLines(writesFile)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 5 && parts[3] == "200" && shown.Contains(int.Parse(parts[1], CultureInfo.InvariantCulture)))
            .Select(parts => (Marker: parts[0], AnsweredAt: long.Parse(parts[4], CultureInfo.InvariantCulture)))
            .ToList();
        var latencies = new List<long>();
        var missing = 0;
        foreach (var (marker, answeredAt) in writes)
        {
            foreach (var page in pages)
            {
                if (page.ShownAt(marker) is { } at)
                {
                    latencies.Add(Math.Max(0, at - answeredAt));
                }
                else
                {
                    missing++;
                }
            }
        }

        latencies.Sort();
        long Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: {writes.Count} writes to shown rows, {latencies.Count} page updates, p50 {Percentile(0.50)} ms, p99 {Percentile(0.99)} ms, max {(latencies.Count == 0 ? 0 : latencies[^1])} ms"));
        Console.WriteLine($"missing: {missing}");
        return missing == 0 && writes.Count > 0 ? 0 : 1;
    }
}

/// <summary>Blazor's name for the MessagePack hub protocol: the same wire format under the name blazor.web.js uses.</summary>
internal sealed class BlazorPackHubProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _messagePack = new();

    public string Name => "blazorpack";

    public int Version => 1;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => version == Version;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _messagePack.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
}

internal sealed record Arguments(Uri Url, int Count, string Email, string Password, string? HoldFile, string? WritesFile, IReadOnlySet<int> Shown)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required");
        return new Arguments(
            new Uri(Required("--url")),
            int.Parse(Required("--count"), CultureInfo.InvariantCulture),
            Required("--email"),
            Required("--password"),
            values.GetValueOrDefault("--hold-file"),
            values.GetValueOrDefault("--writes"),
            values.TryGetValue("--shown", out var shown)
                ? shown.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet()
                : new HashSet<int>());
    }
}

internal static partial class Markup
{
    [GeneratedRegex("""name="__RequestVerificationToken"\s+value="(?<token>[^"]+)""")]
    public static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<!--Blazor:(?<marker>\{"type":"server".*?\})-->""")]
    public static partial Regex ServerComponent();

    [GeneratedRegex("""<!--Blazor-Server-Component-State:(?<state>[^-]*?)-->""")]
    public static partial Regex ComponentState();
}
