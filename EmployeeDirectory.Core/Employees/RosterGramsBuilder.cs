using System.Runtime.InteropServices;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Collects the postings of a whole roster, slot by slot in ascending order. Most of a search text is made of
/// pieces that recur across the roster (given and family names, title words, department names, the parts of
/// an email address between its dots and @), so the grams inside each piece (a run of letters and digits) are
/// looked up once and remembered as posting numbers, and so are the grams around each other character.
/// </summary>
internal sealed class RosterGramsBuilder
{
    private const int RememberedPieceLength = 24;

    private readonly int _rosterSize;
    private readonly List<PostingBuilder> _postings = [];
    private readonly Dictionary<ulong, int> _numberOf = [];
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _pieces;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _windows;
    private readonly List<ulong> _grams = [];

    public RosterGramsBuilder(int rosterSize)
    {
        _rosterSize = rosterSize;
        _pieces = new Dictionary<string, int[]>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _windows = new Dictionary<string, int[]>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds the grams of <paramref name="text"/> to the postings of <paramref name="slot"/>, which must be above every slot added before.</summary>
    public void Add(int slot, string text)
    {
        var pieceStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                continue;
            }

            if (i > pieceStart)
            {
                AddPiece(slot, text.AsSpan(pieceStart, i - pieceStart));
            }

            if (i < text.Length && text[i] != ' ')
            {
                AddAround(slot, text, i);
            }

            pieceStart = i + 1;
        }
    }

    public IEnumerable<KeyValuePair<ulong, RosterSlotSet>> Postings() =>
        _numberOf.Select(pair => KeyValuePair.Create(pair.Key, _postings[pair.Value].ToSet(_rosterSize)));

    private void AddPiece(int slot, ReadOnlySpan<char> piece)
    {
        if (!_pieces.TryGetValue(piece, out var numbers))
        {
            _grams.Clear();
            RosterGrams.AppendGrams(piece, _grams);
            numbers = [.. _grams.Select(NumberOf)];
            if (piece.Length <= RememberedPieceLength)
            {
                _pieces[piece] = numbers;
            }
        }

        // A gram occurring twice in a text comes twice; its builder keeps the slot once.
        var builders = CollectionsMarshal.AsSpan(_postings);
        foreach (var number in numbers)
        {
            builders[number].Add(slot, _rosterSize);
        }
    }

    /// <summary>
    /// The grams covering position <paramref name="at"/> (neither a letter, a digit nor a space) that hold no
    /// space. They lie within two characters either side of it, and that window recurs too (".EX" and "SO."
    /// around the dot of every address at one domain), so their numbers are remembered by window.
    /// </summary>
    private void AddAround(int slot, string text, int at)
    {
        var start = Math.Max(0, at - RosterGrams.LongestGram + 1);
        var end = Math.Min(text.Length, at + RosterGrams.LongestGram);
        Span<char> window = stackalloc char[1 + (2 * RosterGrams.LongestGram) - 1];
        window[0] = (char)(at - start);
        text.AsSpan(start, end - start).CopyTo(window[1..]);
        window = window[..(1 + end - start)];
        if (!_windows.TryGetValue(window, out var numbers))
        {
            _grams.Clear();
            for (var from = start; from <= at; from++)
            {
                for (var length = at - from + 1; length <= RosterGrams.LongestGram && from + length <= text.Length; length++)
                {
                    var gram = text.AsSpan(from, length);
                    if (gram.Contains(' '))
                    {
                        break;
                    }

                    _grams.Add(RosterGrams.KeyOf(gram));
                }
            }

            numbers = [.. _grams.Select(NumberOf)];
            _windows[window] = numbers;
        }

        var builders = CollectionsMarshal.AsSpan(_postings);
        foreach (var number in numbers)
        {
            builders[number].Add(slot, _rosterSize);
        }
    }

    private int NumberOf(ulong gram)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numberOf, gram, out var exists);
        if (!exists)
        {
            number = _postings.Count;
            _postings.Add(default);
        }

        return number;
    }

    /// <summary>
    /// The slots of one gram, ascending, each once. Switches to a bitmap as soon as it is dense, so no list
    /// grows past a 32nd of the roster.
    /// </summary>
    private struct PostingBuilder
    {
        private int[]? _slots;
        private ulong[]? _bits;
        private int _count;
        private int _last;

        public void Add(int slot, int rosterSize)
        {
            if (_count > 0 && slot == _last)
            {
                return;
            }

            _last = slot;
            _count++;
            if (_bits is not null)
            {
                _bits[slot >> 6] |= 1UL << slot;
                return;
            }

            if (_slots is null || _count > _slots.Length)
            {
                if (RosterSlotSet.IsDense(_count, rosterSize))
                {
                    _bits = new ulong[RosterSlotSet.WordsFor(rosterSize)];
                    foreach (var earlier in _slots.AsSpan(0, _count - 1))
                    {
                        _bits[earlier >> 6] |= 1UL << earlier;
                    }

                    _bits[slot >> 6] |= 1UL << slot;
                    _slots = null;
                    return;
                }

                Array.Resize(ref _slots, Math.Max(4, _count * 2));
            }

            _slots[_count - 1] = slot;
        }

        public readonly RosterSlotSet ToSet(int rosterSize) =>
            _bits is not null ? RosterSlotSet.FromBits(_bits) : RosterSlotSet.FromSorted(_slots.AsSpan(0, _count).ToArray(), rosterSize);
    }
}
