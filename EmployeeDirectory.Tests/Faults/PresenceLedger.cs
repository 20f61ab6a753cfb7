using System.Collections.Concurrent;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// What the writers were told and what the readers saw, per employee, to count stale reads. An employee's
/// presence stamp rises by one with every presence change, so stamps order versions. A read is
/// <b>stale</b> when it was sent after a write of that employee's presence was acknowledged (the writer had
/// its 200 with the new stamp) and it returns an older stamp. Reads racing a write that is not yet
/// acknowledged may return either version: neither is stale.
/// </summary>
internal sealed class PresenceLedger
{
    private const int SamplesKept = 10;

    private readonly ConcurrentDictionary<int, long> _acknowledged = new();
    private readonly ConcurrentQueue<string> _samples = new();
    private int _staleReads;

    public int StaleReads => Volatile.Read(ref _staleReads);

    /// <summary>A few stale reads, described, for a failure message.</summary>
    public IReadOnlyCollection<string> StaleSamples => _samples;

    /// <summary>The latest stale read, described.</summary>
    public string? LastStale { get; private set; }

    /// <summary>A writer was told its change is saved with <paramref name="stamp"/>.</summary>
    public void Acknowledged(int employeeId, long stamp) =>
        _acknowledged.AddOrUpdate(employeeId, stamp, (_, held) => Math.Max(held, stamp));

    /// <summary>The newest stamp acknowledged for <paramref name="employeeId"/> so far: no read sent from now on may return less.</summary>
    public long FloorOf(int employeeId) => _acknowledged.GetValueOrDefault(employeeId, long.MinValue);

    /// <summary>Checks one employee's stamp as a read returned it against the floor taken before the read was sent; true when fresh.</summary>
    public bool Check(string server, int employeeId, long floor, long seen)
    {
        if (seen >= floor)
        {
            return true;
        }

        var described = $"{server} returned stamp {seen} for employee {employeeId} at {DateTimeOffset.UtcNow:HH:mm:ss.fff} after stamp {floor} was acknowledged";
        LastStale = described;
        if (Interlocked.Increment(ref _staleReads) <= SamplesKept)
        {
            _samples.Enqueue(described);
        }

        return false;
    }
}
