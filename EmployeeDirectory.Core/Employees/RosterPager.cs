using System.Numerics;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Cuts one page, in sort order, out of a search's matches, whichever is cheaper: walk the sort order and
/// keep the matching slots until the page is full (few steps when most entries match), or sort the matches'
/// ranks in that order (few matches).
/// </summary>
internal static class RosterPager
{
    public static List<RosterEntry> Page(RosterIndex roster, RosterMatches matches, DirectorySort sort, int page, int pageSize)
    {
        var skip = (long)(page - 1) * pageSize;
        if (skip >= matches.Count)
        {
            return [];
        }

        var (ascending, reversed) = RosterOrder.Direction(sort);
        var order = roster.Orders.OrderOf(ascending);
        var take = (int)Math.Min(pageSize, matches.Count - skip);
        var result = new List<RosterEntry>(take);
        if (matches.IsEveryone)
        {
            for (var i = skip; i < skip + take; i++)
            {
                result.Add(roster.Entries[order[reversed ? order.Length - 1 - (int)i : (int)i]]);
            }

            return result;
        }

        if (WalkIsCheaper(matches, (int)skip + take, order.Length))
        {
            Walk(roster, matches.IsBitmap ? matches.Bits : BitsOf(matches.Slots, order.Length), order, reversed, (int)skip, result, take);
        }
        else
        {
            SortRanks(roster, matches, ascending, reversed, (int)skip, result, take);
        }

        return result;
    }

    /// <summary>
    /// Walking visits about <paramref name="wanted"/> × roster / matches slots (plus a bitmap to build from a
    /// list); sorting costs matches × log2(matches).
    /// </summary>
    private static bool WalkIsCheaper(RosterMatches matches, int wanted, int rosterSize)
    {
        var walk = Math.Min(rosterSize, (double)wanted * rosterSize / matches.Count) + (matches.IsBitmap ? 0 : (rosterSize / 64) + matches.Count);
        var sort = matches.Count * (Math.Log2(matches.Count) + 1);
        return walk < sort;
    }

    private static void Walk(RosterIndex roster, ReadOnlySpan<ulong> bits, ReadOnlySpan<int> order, bool reversed, int skip, List<RosterEntry> page, int take)
    {
        var seen = 0;
        for (var i = 0; i < order.Length && page.Count < take; i++)
        {
            var slot = order[reversed ? order.Length - 1 - i : i];
            if ((bits[slot >> 6] & (1UL << slot)) != 0 && seen++ >= skip)
            {
                page.Add(roster.Entries[slot]);
            }
        }
    }

    private static void SortRanks(RosterIndex roster, RosterMatches matches, DirectorySort ascending, bool reversed, int skip, List<RosterEntry> page, int take)
    {
        var ranksOf = roster.Orders.RanksOf(ascending);
        var ranks = new int[matches.Count];
        var n = 0;
        if (matches.IsBitmap)
        {
            var bits = matches.Bits;
            for (var w = 0; w < bits.Length; w++)
            {
                for (var word = bits[w]; word != 0; word &= word - 1)
                {
                    ranks[n++] = ranksOf[(w << 6) + BitOperations.TrailingZeroCount(word)];
                }
            }
        }
        else
        {
            foreach (var slot in matches.Slots)
            {
                ranks[n++] = ranksOf[slot];
            }
        }

        Array.Sort(ranks);
        var order = roster.Orders.OrderOf(ascending);
        for (var i = skip; i < skip + take; i++)
        {
            page.Add(roster.Entries[order[ranks[reversed ? ranks.Length - 1 - i : i]]]);
        }
    }

    private static ulong[] BitsOf(ReadOnlySpan<int> slots, int rosterSize)
    {
        var bits = new ulong[RosterSlotSet.WordsFor(rosterSize)];
        foreach (var slot in slots)
        {
            bits[slot >> 6] |= 1UL << slot;
        }

        return bits;
    }
}
