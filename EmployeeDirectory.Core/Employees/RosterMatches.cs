namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The slots matching a search, in whichever form finding them left: everyone, a list in ascending slot order,
/// or a bitmap over the roster.
/// </summary>
internal readonly struct RosterMatches
{
    private readonly int[]? _slots;
    private readonly ulong[]? _bits;

    private RosterMatches(int[]? slots, ulong[]? bits, int count, bool everyone)
    {
        _slots = slots;
        _bits = bits;
        Count = count;
        IsEveryone = everyone;
    }

    public static RosterMatches None => new([], null, 0, everyone: false);

    public int Count { get; }

    /// <summary>True when every slot matches (and neither <see cref="Slots"/> nor <see cref="Bits"/> is set).</summary>
    public bool IsEveryone { get; }

    /// <summary>True when the matches are <see cref="Bits"/>; otherwise, unless everyone matches, <see cref="Slots"/>.</summary>
    public bool IsBitmap => _bits is not null;

    public ReadOnlySpan<int> Slots => _slots;

    public ReadOnlySpan<ulong> Bits => _bits;

    public static RosterMatches Everyone(int rosterSize) => new(null, null, rosterSize, everyone: true);

    public static RosterMatches OfSlots(int[] ascendingSlots) => new(ascendingSlots, null, ascendingSlots.Length, everyone: false);

    public static RosterMatches OfBits(ulong[] bits, int count) => new(null, bits, count, everyone: false);
}
