using System.Numerics;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The status-derived aggregate (<c>directory:presence</c>): who is In right now, as one bit per employee id.
/// Immutable: a status change makes a new snapshot (<see cref="With"/>, a copy of the bits), so readers never
/// see a half-applied change. The In/Out filter reads it.
/// </summary>
public sealed class PresenceRoster
{
    private readonly ulong[] _in;

    /// <summary>A snapshot in which exactly <paramref name="inIds"/> are In.</summary>
    public PresenceRoster(IReadOnlyList<int> inIds)
    {
        ArgumentNullException.ThrowIfNull(inIds);
        _in = new ulong[WordsFor(inIds.Count == 0 ? 0 : inIds.Max())];
        foreach (var id in inIds)
        {
            Set(_in, id, true);
        }

        InCount = _in.Sum(word => BitOperations.PopCount(word));
    }

    private PresenceRoster(ulong[] bits, int inCount)
    {
        _in = bits;
        InCount = inCount;
    }

    /// <summary>How many employees are In.</summary>
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

    /// <summary>Memory the snapshot holds, in bytes.</summary>
    public long EstimatedBytes => 48 + (8L * _in.Length);

    /// <summary>The presence of one employee according to this snapshot.</summary>
    public PresenceStatus StatusOf(int employeeId) =>
        employeeId >= 0 && (employeeId >> 6) < _in.Length && (_in[employeeId >> 6] & (1UL << (employeeId & 63))) != 0 ? PresenceStatus.In : PresenceStatus.Out;

    /// <summary>This snapshot with one employee's presence set.</summary>
    public PresenceRoster With(int employeeId, PresenceStatus status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(employeeId);
        if (StatusOf(employeeId) == status)
        {
            return this;
        }

        var bits = new ulong[Math.Max(_in.Length, WordsFor(employeeId))];
        _in.CopyTo(bits, 0);
        Set(bits, employeeId, status == PresenceStatus.In);
        return new PresenceRoster(bits, InCount + (status == PresenceStatus.In ? 1 : -1));
    }

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
}
