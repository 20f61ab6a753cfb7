using System.Collections.Concurrent;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// The "database" behind a presence aggregate under test: each employee's status with its version, a count of
/// loads, and an optional gate that holds a load after it has read (to stage a patch landing mid-load).
/// </summary>
public sealed class MemberSource
{
    private readonly ConcurrentDictionary<int, (long Version, PresenceStatus Status)> _rows = new();
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    /// <summary>When set, a load reads the rows, signals <see cref="LoadHasRead"/>, then waits here before returning.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource LoadHasRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Put(int id, long version, PresenceStatus status) => _rows[id] = (version, status);

    public async Task<IReadOnlyList<AggregateMember>> LoadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        IReadOnlyList<AggregateMember> members = [.. _rows.OrderBy(row => row.Key).Select(row =>
            new AggregateMember(row.Key, row.Value.Version, row.Value.Status == PresenceStatus.In ? "I" : "O"))];
        if (Gate is { } gate)
        {
            LoadHasRead.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        return members;
    }
}
