using System.Collections.Concurrent;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// The "database" behind a cache under test: statuses by employee id, a count of every load, and an
/// optional gate that holds loads until the test opens it (to stage the cache-aside race).
/// </summary>
public sealed class CountingSource
{
    private readonly ConcurrentDictionary<int, EmployeeStatus> _rows = new();
    private int _loads;
    private int _batchLoads;

    public int Loads => Volatile.Read(ref _loads);

    public int BatchLoads => Volatile.Read(ref _batchLoads);

    /// <summary>When set, a load reads its row, signals <see cref="LoadHasRead"/>, then waits here before returning.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource LoadHasRead { get; private set; } = NewSignal();

    public void Put(int id, PresenceStatus presence, string? note = null) =>
        _rows[id] = new EmployeeStatus(id, presence, note, DateTimeOffset.UnixEpoch, "test");

    public EmployeeStatus Row(int id) => _rows[id];

    public async Task<EmployeeStatus?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        _rows.TryGetValue(id, out var row);
        var gate = Gate;
        if (gate is not null)
        {
            LoadHasRead.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }
        else
        {
            await Task.Yield();
        }

        return row;
    }

    public async Task<IReadOnlyDictionary<int, EmployeeStatus>> LoadManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchLoads);
        await Task.Yield();
        return ids.Where(_rows.ContainsKey).ToDictionary(id => id, id => _rows[id]);
    }

    public ValueTask<EmployeeStatus?> ReadAsync(IFieldCache cache, int id, CancellationToken cancellationToken = default) =>
        cache.GetOrLoadAsync(cache.Keys.Status(id), (Source: this, Id: id), static (s, ct) => s.Source.LoadAsync(s.Id, ct), cancellationToken);

    public void ResetSignal() => LoadHasRead = NewSignal();

    /// <summary>Invalidates one employee's status key, as a write of that status does (without the presence patch).</summary>
    public static Task DropStatusAsync(IFieldCache cache, int id) =>
        cache.InvalidateAsync(CacheInvalidation.OfDrops(new CacheDrop(DirectoryCacheContract.EmployeeStatus, id)));

    /// <summary>
    /// Stages the cache-aside race: a read on <paramref name="reader"/> misses and reads the old row, then
    /// stalls; the edit commits (the row becomes <paramref name="presence"/>/<paramref name="note"/>) and is
    /// invalidated on <paramref name="writer"/>; then the stalled read finishes its write-back. Loads run
    /// ungated afterwards.
    /// </summary>
    public async Task ReadAcrossAnEditAsync(IFieldCache reader, IFieldCache writer, int id, PresenceStatus presence, string note, CancellationToken cancellationToken)
    {
        Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ResetSignal();
        var staleRead = ReadAsync(reader, id, cancellationToken).AsTask();
        await LoadHasRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Put(id, presence, note);
        await CountingSource.DropStatusAsync(writer, id);

        var gate = Gate;
        Gate = null;
        gate.SetResult();
        await staleRead;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
