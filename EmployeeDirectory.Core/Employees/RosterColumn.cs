using System.Collections;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// An immutable list indexed by roster slot, stored in fixed-size chunks so that <see cref="SetItem"/> copies
/// one chunk and the chunk table, sharing every other chunk with the list it came from.
/// </summary>
internal sealed class RosterColumn<T> : IReadOnlyList<T>
{
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly T[][] _chunks;

    private RosterColumn(T[][] chunks, int count)
    {
        _chunks = chunks;
        Count = count;
    }

    public static RosterColumn<T> Empty { get; } = new([], 0);

    public int Count { get; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The roster has {Count} slots.");
            }

            return _chunks[index >> ChunkShift][index & ChunkMask];
        }
    }

    public static RosterColumn<T> From(IReadOnlyList<T> items)
    {
        var chunks = new T[(items.Count + ChunkMask) >> ChunkShift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = chunks[c] = new T[ChunkSize];
            var start = c << ChunkShift;
            var length = Math.Min(ChunkSize, items.Count - start);
            for (var i = 0; i < length; i++)
            {
                chunk[i] = items[start + i];
            }
        }

        return new RosterColumn<T>(chunks, items.Count);
    }

    /// <summary>A column with <paramref name="index"/> set to <paramref name="value"/>; <paramref name="index"/> may be <see cref="Count"/> (an append).</summary>
    public RosterColumn<T> SetItem(int index, T value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Count);
        var chunkIndex = index >> ChunkShift;
        var chunks = chunkIndex < _chunks.Length ? (T[][])_chunks.Clone() : [.. _chunks, new T[ChunkSize]];
        var chunk = (T[])chunks[chunkIndex].Clone();
        chunk[index & ChunkMask] = value;
        chunks[chunkIndex] = chunk;
        return new RosterColumn<T>(chunks, Math.Max(Count, index + 1));
    }

    /// <summary>Managed bytes of the chunk table and chunks (not of the objects they reference).</summary>
    public long EstimatedBytes(int elementBytes) =>
        RosterMemory.Array(_chunks.Length, RosterMemory.Reference) + (_chunks.Length * RosterMemory.Array(ChunkSize, elementBytes));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _chunks[i >> ChunkShift][i & ChunkMask];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
