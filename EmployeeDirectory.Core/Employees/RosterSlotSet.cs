using System.Numerics;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// An immutable set of roster slots (a posting list): sorted slot numbers while it is sparse, a bitmap of the
/// whole roster once it holds more than one slot in 32 (the bitmap is then the smaller of the two). Either way
/// it costs at most one bit per roster slot, and a change copies one array of at most that size.
/// </summary>
internal sealed class RosterSlotSet
{
    private const int DenseShare = 32;

    private readonly int[]? _slots;
    private readonly ulong[]? _bits;

    private RosterSlotSet(int[]? slots, ulong[]? bits, int count)
    {
        _slots = slots;
        _bits = bits;
        Count = count;
    }

    public int Count { get; }

    /// <summary>True when the set is a bitmap (<see cref="Bits"/>), false when it is a sorted list (<see cref="Slots"/>).</summary>
    public bool IsBitmap => _bits is not null;

    /// <summary>The slots in ascending order; empty for a bitmap.</summary>
    public ReadOnlySpan<int> Slots => _slots;

    /// <summary>Bit <c>s % 64</c> of word <c>s / 64</c> is set for slot <c>s</c>; slots past the end are absent. Empty for a list.</summary>
    public ReadOnlySpan<ulong> Bits => _bits;

    public long EstimatedBytes =>
        RosterMemory.Object((2 * RosterMemory.Reference) + sizeof(int))
        + (_bits is null ? RosterMemory.Array(_slots!.Length, sizeof(int)) : RosterMemory.Array(_bits.Length, sizeof(ulong)));

    /// <summary>A set of <paramref name="sortedSlots"/> (ascending, distinct) in a roster of <paramref name="rosterSize"/> slots.</summary>
    public static RosterSlotSet FromSorted(int[] sortedSlots, int rosterSize)
    {
        if (!IsDense(sortedSlots.Length, rosterSize))
        {
            return new RosterSlotSet(sortedSlots, null, sortedSlots.Length);
        }

        var bits = new ulong[WordsFor(rosterSize)];
        foreach (var slot in sortedSlots)
        {
            bits[slot >> 6] |= 1UL << slot;
        }

        return new RosterSlotSet(null, bits, sortedSlots.Length);
    }

    /// <summary>A set of the slots set in <paramref name="bits"/>: that bitmap (which the set then owns) when it is dense, a list when not.</summary>
    public static RosterSlotSet FromBits(ulong[] bits)
    {
        var count = CountOf(bits);
        if (IsDense(count, bits.Length * 64))
        {
            return new RosterSlotSet(null, bits, count);
        }

        var slots = new int[count];
        var n = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            for (var word = bits[w]; word != 0; word &= word - 1)
            {
                slots[n++] = (w << 6) + BitOperations.TrailingZeroCount(word);
            }
        }

        return new RosterSlotSet(slots, null, count);
    }

    /// <summary>True when a set of <paramref name="count"/> slots is smaller as a bitmap than as a list.</summary>
    public static bool IsDense(int count, int rosterSize) => (long)count * DenseShare > rosterSize;

    public static int WordsFor(int rosterSize) => (rosterSize + 63) >> 6;

    public bool Contains(int slot)
    {
        if (_bits is not null)
        {
            var word = slot >> 6;
            return word < _bits.Length && (_bits[word] & (1UL << slot)) != 0;
        }

        return _slots.AsSpan().BinarySearch(slot) >= 0;
    }

    /// <summary>This set plus <paramref name="slot"/>; a list that grows past twice the dense share of <paramref name="rosterSize"/> becomes a bitmap.</summary>
    public RosterSlotSet With(int slot, int rosterSize)
    {
        if (Contains(slot))
        {
            return this;
        }

        if (_bits is not null)
        {
            var bits = new ulong[Math.Max(_bits.Length, WordsFor(slot + 1))];
            _bits.CopyTo(bits, 0);
            bits[slot >> 6] |= 1UL << slot;
            return new RosterSlotSet(null, bits, Count + 1);
        }

        var at = ~_slots.AsSpan().BinarySearch(slot);
        int[] slots = [.. _slots.AsSpan(0, at), slot, .. _slots.AsSpan(at)];
        return (long)slots.Length * DenseShare > 2L * rosterSize ? FromSorted(slots, rosterSize) : new RosterSlotSet(slots, null, slots.Length);
    }

    /// <summary>This set without <paramref name="slot"/>, or null when nothing is left.</summary>
    public RosterSlotSet? Without(int slot)
    {
        if (!Contains(slot))
        {
            return this;
        }

        if (Count == 1)
        {
            return null;
        }

        if (_bits is not null)
        {
            var bits = (ulong[])_bits.Clone();
            bits[slot >> 6] &= ~(1UL << slot);
            return new RosterSlotSet(null, bits, Count - 1);
        }

        var at = _slots.AsSpan().BinarySearch(slot);
        int[] slots = [.. _slots.AsSpan(0, at), .. _slots.AsSpan(at + 1)];
        return new RosterSlotSet(slots, null, slots.Length);
    }

    /// <summary>Clears in <paramref name="mask"/> every slot this set lacks.</summary>
    public void IntersectInto(Span<ulong> mask)
    {
        if (_bits is not null)
        {
            var shared = Math.Min(mask.Length, _bits.Length);
            for (var w = 0; w < shared; w++)
            {
                mask[w] &= _bits[w];
            }

            mask[shared..].Clear();
            return;
        }

        Span<ulong> own = new ulong[mask.Length];
        CopyInto(own);
        for (var w = 0; w < mask.Length; w++)
        {
            mask[w] &= own[w];
        }
    }

    /// <summary>Sets in <paramref name="mask"/> every slot of this set that fits in it.</summary>
    public void CopyInto(Span<ulong> mask)
    {
        if (_bits is not null)
        {
            var shared = Math.Min(mask.Length, _bits.Length);
            for (var w = 0; w < shared; w++)
            {
                mask[w] |= _bits[w];
            }

            return;
        }

        foreach (var slot in _slots!)
        {
            if (slot >> 6 < mask.Length)
            {
                mask[slot >> 6] |= 1UL << slot;
            }
        }
    }

    /// <summary>Slots set in <paramref name="mask"/>.</summary>
    public static int CountOf(ReadOnlySpan<ulong> mask)
    {
        var count = 0;
        foreach (var word in mask)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }
}
