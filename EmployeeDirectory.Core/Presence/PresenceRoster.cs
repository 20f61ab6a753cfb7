using System.Collections.Immutable;
using System.Numerics;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The status-derived aggregate (<c>directory:presence</c>): who is In, as one bit per employee id, and a small
/// map of the statuses that end by themselves (back-at times). Immutable: a status change makes a new snapshot
/// (<see cref="With"/>), so readers never see a half-applied change. A back-at time passing needs no write:
/// <see cref="AsOf"/> gives the snapshot that holds at a moment (the ended statuses reverted), the same instance
/// for every reader until the next end, so searches keyed by snapshot stay valid exactly that long. The ends are
/// also kept in time order, so the next one and those passed are found without a pass over all of them (a
/// roster of 100,000 has thousands, and every status change asks).
/// </summary>
public sealed class PresenceRoster
{
    private readonly ulong[] _in;
    private readonly ImmutableDictionary<int, PresenceEnd> _ends;
    private readonly ImmutableSortedSet<(DateTimeOffset Until, int Id)> _endsByTime;
    private Derived? _derived;

    /// <summary>A snapshot in which exactly <paramref name="inIds"/> are In, with no back-at times.</summary>
    public PresenceRoster(IReadOnlyList<int> inIds)
        : this(inIds, ImmutableDictionary<int, PresenceEnd>.Empty)
    {
    }

    /// <summary>A snapshot in which exactly <paramref name="inIds"/> are In, and the statuses in <paramref name="ends"/> end by themselves.</summary>
    public PresenceRoster(IReadOnlyList<int> inIds, IReadOnlyDictionary<int, PresenceEnd> ends)
    {
        ArgumentNullException.ThrowIfNull(inIds);
        ArgumentNullException.ThrowIfNull(ends);
        _in = new ulong[WordsFor(inIds.Count == 0 ? 0 : inIds.Max())];
        foreach (var id in inIds)
        {
            Set(_in, id, true);
        }

        InCount = _in.Sum(word => BitOperations.PopCount(word));
        _ends = ends.ToImmutableDictionary();
        _endsByTime = _ends.Select(pair => (pair.Value.Until, pair.Key)).ToImmutableSortedSet();
        NextEnd = EarliestOf(_endsByTime);
    }

    private PresenceRoster(ulong[] bits, int inCount, ImmutableDictionary<int, PresenceEnd> ends, ImmutableSortedSet<(DateTimeOffset Until, int Id)> endsByTime)
    {
        _in = bits;
        InCount = inCount;
        _ends = ends;
        _endsByTime = endsByTime;
        NextEnd = EarliestOf(endsByTime);
    }

    /// <summary>How many employees are In according to this snapshot (see <see cref="AsOf"/> for a moment).</summary>
    public int InCount { get; }

    /// <summary>Ids of employees who are In, ascending.</summary>
    public IEnumerable<int> InIds
    {
        get
        {
            for (var word = 0; word < _in.Length; word++)
            {
                var bits = _in[word];
                while (bits != 0)
                {
                    yield return (word * 64) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                }
            }
        }
    }

    /// <summary>The statuses that end by themselves, by employee id.</summary>
    public IReadOnlyDictionary<int, PresenceEnd> Ends => _ends;

    /// <summary>The earliest back-at time in this snapshot; null when none.</summary>
    public DateTimeOffset? NextEnd { get; }

    /// <summary>Memory the snapshot holds, in bytes: the bits, and a node in each of the two maps of ends.</summary>
    public long EstimatedBytes => 64 + (8L * _in.Length) + (112L * _ends.Count);

    /// <summary>The statuses whose back-at time is at or before <paramref name="now"/>, earliest first.</summary>
    public IEnumerable<KeyValuePair<int, PresenceEnd>> EndedBy(DateTimeOffset now)
    {
        foreach (var (until, id) in _endsByTime)
        {
            if (until > now)
            {
                yield break;
            }

            yield return new(id, _ends[id]);
        }
    }

    /// <summary>The presence of one employee according to this snapshot, back-at times aside.</summary>
    public PresenceStatus StatusOf(int employeeId) =>
        employeeId >= 0 && (employeeId >> 6) < _in.Length && (_in[employeeId >> 6] & (1UL << (employeeId & 63))) != 0 ? PresenceStatus.In : PresenceStatus.Out;

    /// <summary>The presence of one employee at <paramref name="now"/>: reverted once their back-at time has passed.</summary>
    public PresenceStatus StatusOf(int employeeId, DateTimeOffset now) => AsOf(now).StatusOf(employeeId);

    /// <summary>When one employee's status ends by itself; null when it lasts until changed.</summary>
    public DateTimeOffset? EndOf(int employeeId) => _ends.TryGetValue(employeeId, out var end) ? end.Until : null;

    /// <summary>
    /// The snapshot that holds at <paramref name="now"/>: this one while no back-at time has passed, else one with
    /// the ended statuses reverted (and their ends gone). Readers asking within one interval between two ends share
    /// one instance.
    /// </summary>
    public PresenceRoster AsOf(DateTimeOffset now)
    {
        if (NextEnd is not { } next || now < next)
        {
            return this;
        }

        var derived = Volatile.Read(ref _derived);
        if (derived is not null && now >= derived.LastEnded && (derived.Snapshot.NextEnd is not { } after || now < after))
        {
            return derived.Snapshot;
        }

        var bits = (ulong[])_in.Clone();
        var ends = _ends.ToBuilder();
        var endsByTime = _endsByTime.ToBuilder();
        var lastEnded = DateTimeOffset.MinValue;
        foreach (var (id, end) in EndedBy(now))
        {
            Set(bits, id, StatusOf(id) == PresenceStatus.Out);
            ends.Remove(id);
            endsByTime.Remove((end.Until, id));
            lastEnded = end.Until;
        }

        var snapshot = new PresenceRoster(bits, bits.Sum(word => BitOperations.PopCount(word)), ends.ToImmutable(), endsByTime.ToImmutable());
        Volatile.Write(ref _derived, new Derived(snapshot, lastEnded));
        return snapshot;
    }

    /// <summary>This snapshot with one employee's presence set, ending by itself at <paramref name="until"/> when given.</summary>
    public PresenceRoster With(int employeeId, PresenceStatus status, DateTimeOffset? until = null, long version = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(employeeId);
        var ends = until is { } end ? _ends.SetItem(employeeId, new PresenceEnd(end, version)) : _ends.Remove(employeeId);
        var endsByTime = _endsByTime;
        if (!ReferenceEquals(ends, _ends))
        {
            endsByTime = _ends.TryGetValue(employeeId, out var previous) ? endsByTime.Remove((previous.Until, employeeId)) : endsByTime;
            endsByTime = until is { } next ? endsByTime.Add((next, employeeId)) : endsByTime;
        }

        if (StatusOf(employeeId) == status)
        {
            return ReferenceEquals(ends, _ends) ? this : new PresenceRoster(_in, InCount, ends, endsByTime);
        }

        var bits = new ulong[Math.Max(_in.Length, WordsFor(employeeId))];
        _in.CopyTo(bits, 0);
        Set(bits, employeeId, status == PresenceStatus.In);
        return new PresenceRoster(bits, InCount + (status == PresenceStatus.In ? 1 : -1), ends, endsByTime);
    }

    private static DateTimeOffset? EarliestOf(ImmutableSortedSet<(DateTimeOffset Until, int Id)> endsByTime) =>
        endsByTime.IsEmpty ? null : endsByTime.Min.Until;

    private static int WordsFor(int maxId) => (maxId >> 6) + 1;

    private static void Set(ulong[] bits, int id, bool value)
    {
        if (value)
        {
            bits[id >> 6] |= 1UL << (id & 63);
        }
        else
        {
            bits[id >> 6] &= ~(1UL << (id & 63));
        }
    }

    /// <summary>A snapshot derived for a moment, and the latest back-at time it reverted (it holds from then on).</summary>
    private sealed record Derived(PresenceRoster Snapshot, DateTimeOffset LastEnded);
}
