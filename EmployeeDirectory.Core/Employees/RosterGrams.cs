namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The n-gram postings of the roster's normalised search texts: for every character, pair and triple of
/// characters (none of them a space), the slots whose text contains it. A term of one, two or three characters
/// is answered exactly by one posting; a longer term by the intersection of its triples, which every match is
/// in but which may hold a few texts that contain the triples apart, so those candidates are checked against
/// the text itself.
/// </summary>
internal sealed class RosterGrams
{
    /// <summary>The longest gram indexed: a term this long or shorter is answered by one posting.</summary>
    public const int LongestGram = 3;

    private readonly RosterShardedMap<ulong, RosterSlotSet> _postings;

    private RosterGrams(RosterShardedMap<ulong, RosterSlotSet> postings)
    {
        _postings = postings;
        EstimatedBytes = postings.EstimatedBytes + postings.Values.Sum(posting => posting.EstimatedBytes);
    }

    public long EstimatedBytes { get; }

    public static RosterGrams Build(IReadOnlyList<string> texts)
    {
        var builder = new RosterGramsBuilder(texts.Count);
        for (var slot = 0; slot < texts.Count; slot++)
        {
            builder.Add(slot, texts[slot]);
        }

        return new RosterGrams(RosterShardedMap<ulong, RosterSlotSet>.From(builder.Postings()));
    }

    /// <summary>The postings after the text of <paramref name="slot"/> changed from <paramref name="before"/> (null for a new slot) to <paramref name="after"/>.</summary>
    public RosterGrams With(int slot, string? before, string after, int rosterSize)
    {
        var removed = GramSet(before ?? "");
        var added = GramSet(after);
        removed.ExceptWith(GramSet(after));
        added.ExceptWith(GramSet(before ?? ""));

        var changes = new List<KeyValuePair<ulong, RosterSlotSet?>>(removed.Count + added.Count);
        foreach (var gram in removed)
        {
            changes.Add(KeyValuePair.Create(gram, _postings.TryGetValue(gram, out var posting) ? posting.Without(slot) : null));
        }

        foreach (var gram in added)
        {
            var posting = _postings.TryGetValue(gram, out var existing) ? existing.With(slot, rosterSize) : RosterSlotSet.FromSorted([slot], rosterSize);
            changes.Add(KeyValuePair.Create<ulong, RosterSlotSet?>(gram, posting));
        }

        return new RosterGrams(_postings.With(changes));
    }

    /// <summary>
    /// Adds to <paramref name="sets"/> the postings every text containing <paramref name="term"/> is in.
    /// False when one of them is empty (no text contains the term). <paramref name="exact"/> is true when
    /// those postings hold exactly the texts containing the term, so no candidate needs checking.
    /// </summary>
    public bool TryCollect(string term, List<RosterSlotSet> sets, out bool exact)
    {
        var length = Math.Min(term.Length, LongestGram);
        exact = term.Length <= LongestGram && !term.Contains(' ', StringComparison.Ordinal);
        for (var start = 0; start + length <= term.Length; start++)
        {
            var gram = term.AsSpan(start, length);
            if (gram.Contains(' '))
            {
                continue;
            }

            if (!_postings.TryGetValue(KeyOf(gram), out var posting))
            {
                return false;
            }

            if (!sets.Contains(posting))
            {
                sets.Add(posting);
            }
        }

        return true;
    }

    private static HashSet<ulong> GramSet(string text)
    {
        var grams = new List<ulong>();
        AppendGrams(text, grams);
        return [.. grams];
    }

    /// <summary>Appends the grams of <paramref name="text"/> to <paramref name="grams"/>, once per occurrence.</summary>
    public static void AppendGrams(ReadOnlySpan<char> text, List<ulong> grams)
    {
        for (var start = 0; start < text.Length; start++)
        {
            for (var length = 1; length <= LongestGram && start + length <= text.Length; length++)
            {
                var gram = text.Slice(start, length);
                if (gram[^1] == ' ')
                {
                    break;
                }

                grams.Add(KeyOf(gram));
            }
        }
    }

    /// <summary>The gram's length in bits 48 and up, its characters in the 16-bit fields below.</summary>
    public static ulong KeyOf(ReadOnlySpan<char> gram)
    {
        var key = (ulong)gram.Length << 48;
        for (var i = 0; i < gram.Length; i++)
        {
            key |= (ulong)gram[i] << (16 * (gram.Length - 1 - i));
        }

        return key;
    }
}
