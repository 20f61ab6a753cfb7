using System.Diagnostics;
using System.Net.Http.Json;
using EmployeeDirectory.Tests.Api;
using EmployeeDirectory.Web.Api;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// Reads one employee through one server again and again until stopped, remembering when each read was sent
/// (<see cref="Stopwatch"/> timestamps) and what it returned, so a scenario can count the reads sent after a
/// write was acknowledged that still returned what the write replaced.
/// </summary>
internal sealed class EmployeeWatch
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private readonly List<Read> _reads = [];
    private readonly Task _loop;
    private volatile bool _stopping;
    private int _failures;

    private EmployeeWatch(HttpClient server, int id) => _loop = Task.Run(() => WatchAsync(server, id));

    public int Failures => Volatile.Read(ref _failures);

    public static EmployeeWatch Start(HttpClient server, int id) => new(server, id);

    public async Task<IReadOnlyList<Read>> StopAsync()
    {
        _stopping = true;
        await _loop;
        return _reads;
    }

    private async Task WatchAsync(HttpClient server, int id)
    {
        while (!_stopping)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                var employee = await server.GetFromJsonAsync<EmployeeResponse>($"api/employees/{id}", ApiJson.Options);
                _reads.Add(new Read(sent, employee!.DisplayName, employee.Presence.Stamp));
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failures);
            }

            await Task.Delay(Pause);
        }
    }

    /// <summary>One read: when it was sent, and the name and presence stamp it returned.</summary>
    public sealed record Read(long SentAt, string DisplayName, long Stamp);
}
