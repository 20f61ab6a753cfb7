using System.Collections.Concurrent;
using System.Net.Http.Json;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Web.Api;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// Several API clients on every server at once, until stopped. Each writer owns one employee and flips its
/// presence again and again through one server, sending the stamp it last saw as <c>expectedStamp</c> (so a
/// write that silently went missing would turn the next one into a 409); each reader reads the writers'
/// employees through one server, one at a time and as directory pages. Every answer that is not a success,
/// and every request that throws, is a failed request; every read is checked by the <see cref="PresenceLedger"/>.
/// </summary>
internal sealed class PresenceLoad
{
    private const int FailureSamplesKept = 10;
    private static readonly TimeSpan WriterPause = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan ReaderPause = TimeSpan.FromMilliseconds(10);

    private readonly IReadOnlyList<int> _employeeIds;
    private readonly Func<int, Task<long>> _storedStamp;
    private readonly ConcurrentQueue<string> _failureSamples = new();
    private readonly ConcurrentDictionary<int, (long Stamp, string Note)> _lastWrites = new();
    private readonly long[] _acknowledgedWrites;
    private readonly List<Task> _clients = [];
    private long _requests;
    private long _reads;
    private int _failures;
    private volatile bool _stopping;

    private PresenceLoad(IReadOnlyList<int> employeeIds, Func<int, Task<long>> storedStamp)
    {
        _employeeIds = employeeIds;
        _storedStamp = storedStamp;
        _acknowledgedWrites = new long[employeeIds.Count];
    }

    public PresenceLedger Ledger { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public int Failures => Volatile.Read(ref _failures);

    public IReadOnlyCollection<string> FailureSamples => _failureSamples;

    /// <summary>The last acknowledged write of each written employee: its stamp and note.</summary>
    public IReadOnlyDictionary<int, (long Stamp, string Note)> LastWrites => _lastWrites;

    /// <summary>
    /// Starts one writer per employee in <paramref name="employeeIds"/> (taking the servers in turn) and
    /// <paramref name="readersPerServer"/> readers on every server. <paramref name="storedStamp"/> reads an
    /// employee's stamp from the database: where each writer starts, and where it picks up after a failed write.
    /// </summary>
    public static async Task<PresenceLoad> StartAsync(
        IReadOnlyList<(string Name, HttpClient Client)> servers, IReadOnlyList<int> employeeIds, int readersPerServer, Func<int, Task<long>> storedStamp)
    {
        var load = new PresenceLoad(employeeIds, storedStamp);
        for (var writer = 0; writer < employeeIds.Count; writer++)
        {
            var (name, client) = servers[writer % servers.Count];
            var stamp = await storedStamp(employeeIds[writer]);
            load.Ledger.Acknowledged(employeeIds[writer], stamp);
            var index = writer;
            load._clients.Add(Task.Run(() => load.WriteAsync(index, name, client, stamp)));
        }

        foreach (var (name, client) in servers)
        {
            for (var reader = 0; reader < readersPerServer; reader++)
            {
                var offset = reader;
                load._clients.Add(Task.Run(() => load.ReadAsync(name, client, offset)));
            }
        }

        return load;
    }

    /// <summary>The progress mark of the moment the load started.</summary>
    public (long[] Writes, long Reads) Start => (new long[_acknowledgedWrites.Length], 0);

    /// <summary>Acknowledged writes per writer and reads so far, to wait for progress from a moment on.</summary>
    public (long[] Writes, long Reads) Progress() =>
        ([.. Enumerable.Range(0, _acknowledgedWrites.Length).Select(writer => Interlocked.Read(ref _acknowledgedWrites[writer]))], Interlocked.Read(ref _reads));

    /// <summary>True when every writer had at least <paramref name="writes"/> acknowledged and the readers made <paramref name="reads"/> reads since <paramref name="mark"/>.</summary>
    public bool ProgressedSince((long[] Writes, long Reads) mark, int writes, int reads)
    {
        var now = Progress();
        return now.Reads - mark.Reads >= reads && now.Writes.Zip(mark.Writes).All(pair => pair.First - pair.Second >= writes);
    }

    /// <summary>Lets every request under way finish, then stops.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_clients);
    }

    private async Task WriteAsync(int writer, string server, HttpClient client, long stamp)
    {
        var id = _employeeIds[writer];
        var status = PresenceStatus.Out;
        for (var sequence = 1; !_stopping; sequence++)
        {
            status = status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
            var note = $"writer {writer} on {server}, write {sequence}";
            var saved = await SendAsync(server, client, async cancellationToken =>
            {
                using var response = await client.PutAsJsonAsync($"api/employees/{id}/presence", new PresenceRequest(status.ToString(), note, ExpectedStamp: stamp), ApiJson.Options, cancellationToken);
                return response.IsSuccessStatusCode
                    ? await response.Content.ReadFromJsonAsync<PresenceResponse>(ApiJson.Options, cancellationToken)
                    : throw new HttpRequestException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            });
            if (saved is null)
            {
                // Whether it was saved is unknown: carry on from what the database holds.
                stamp = await _storedStamp(id);
            }
            else
            {
                stamp = saved.Stamp;
                Ledger.Acknowledged(id, stamp);
                _lastWrites[id] = (stamp, note);
                Interlocked.Increment(ref _acknowledgedWrites[writer]);
            }

            await Task.Delay(WriterPause);
        }
    }

    private async Task ReadAsync(string server, HttpClient client, int offset)
    {
        for (var n = offset; !_stopping; n++)
        {
            if (n % 5 == 0)
            {
                // A directory page (every third one filtered to who is In): each written employee's row is checked.
                var floors = _employeeIds.ToDictionary(id => id, Ledger.FloorOf);
                var filter = n % 3 == 0 ? "&status=In" : "";
                var page = await SendAsync(server, client, cancellationToken =>
                    client.GetFromJsonAsync<EmployeePageResponse>($"api/employees?pageSize={DirectoryQuery.MaxPageSize}{filter}", ApiJson.Options, cancellationToken));
                foreach (var row in page?.Items.Where(row => floors.ContainsKey(row.Id)) ?? [])
                {
                    Ledger.Check(server, row.Id, floors[row.Id], row.Presence.Stamp);
                }
            }
            else
            {
                var id = _employeeIds[n % _employeeIds.Count];
                var floor = Ledger.FloorOf(id);
                var employee = await SendAsync(server, client, cancellationToken =>
                    client.GetFromJsonAsync<EmployeeResponse>($"api/employees/{id}", ApiJson.Options, cancellationToken));
                if (employee is not null)
                {
                    Ledger.Check(server, id, floor, employee.Presence.Stamp);
                }
            }

            Interlocked.Increment(ref _reads);
            await Task.Delay(ReaderPause);
        }
    }

    /// <summary>One request, counted; null (and a failure counted) when it throws or answers anything but a success.</summary>
    private async Task<T?> SendAsync<T>(string server, HttpClient client, Func<CancellationToken, Task<T?>> request)
        where T : class
    {
        Interlocked.Increment(ref _requests);
        try
        {
            return await request(CancellationToken.None) ?? throw new HttpRequestException("The answer had no body.");
        }
#pragma warning disable CA1031 // Every way a request can fail counts as a failed request; none may stop the load.
        catch (Exception error)
#pragma warning restore CA1031
        {
            if (Interlocked.Increment(ref _failures) <= FailureSamplesKept)
            {
                _failureSamples.Enqueue($"{server} at {DateTimeOffset.UtcNow:HH:mm:ss.fff} ({client.BaseAddress}): {error.GetType().Name}: {error.Message}");
            }

            return null;
        }
    }
}
