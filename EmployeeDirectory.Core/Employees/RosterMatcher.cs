using System.Numerics;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Finds the slots matching a search shape: the postings of every term, the department's members and (when
/// known) the slots with the wanted status, intersected smallest first, then the checks no set answers (a long
/// term against the text itself, the In/Out filter against the presence snapshot) on what is left. A term matches exactly as it always has: the
/// normalised term is a substring of the entry's normalised search text, and every term must match.
/// </summary>
internal static class RosterMatcher
{
    public static RosterMatches Match(RosterIndex roster, RosterQueryShape shape)
    {
        var rosterSize = roster.Entries.Count;
        if (shape.MatchesEveryone)
        {
            return RosterMatches.Everyone(rosterSize);
        }

        var sets = new List<RosterSlotSet>();
        var unverified = new List<(string Term, List<RosterSlotSet> Candidates)>();
        foreach (var term in shape.Terms)
        {
            var candidates = new List<RosterSlotSet>();
            if (!roster.Grams.TryCollect(term, candidates, out var exact))
            {
                return RosterMatches.None;
            }

            if (exact)
            {
                sets.AddRange(candidates);
            }
            else
            {
                unverified.Add((term, candidates));
            }
        }

        if (shape.Department is not null)
        {
            if (roster.DepartmentTable.Filter(shape.Department, rosterSize) is not { } members)
            {
                return RosterMatches.None;
            }

            sets.Add(members);
        }

        var toCheck = new List<string>();
        var narrowest = sets.Concat(unverified.SelectMany(u => u.Candidates)).Select(set => set.Count).DefaultIfEmpty(rosterSize).Min();
        foreach (var (term, candidates) in unverified)
        {
            // With nothing narrow to start from, every candidate of the term would be checked: check them once and keep the answer.
            if (candidates.Count > 0 && RosterSlotSet.IsDense(narrowest, rosterSize))
            {
                sets.Add(roster.TermMatches.GetOrAdd(term, t => Verified(roster, t, candidates)));
            }
            else
            {
                sets.AddRange(candidates);
                toCheck.Add(term);
            }
        }

        var statusToCheck = shape.StatusFilter;
        if (statusToCheck is { } status
            && roster.PresenceSlots.SlotsWith(roster, shape.Presence!, status, sets.Select(set => set.Count).DefaultIfEmpty(rosterSize).Min()) is { } withStatus)
        {
            sets.Add(withStatus);
            statusToCheck = null;
        }

        var check = new CandidateCheck(roster, toCheck, statusToCheck, shape.Presence);
        sets.Sort((a, b) => a.Count.CompareTo(b.Count));
        if (sets.Count > 0 && sets[0].Count == 0)
        {
            return RosterMatches.None;
        }

        return sets.Count > 0 && !sets[0].IsBitmap ? FromList(sets, check) : FromBitmap(sets, check, rosterSize);
    }

    /// <summary>The slots whose text contains <paramref name="term"/>, among the intersection of its postings.</summary>
    private static RosterSlotSet Verified(RosterIndex roster, string term, List<RosterSlotSet> candidates)
    {
        var bits = new ulong[RosterSlotSet.WordsFor(roster.Entries.Count)];
        candidates[0].CopyInto(bits);
        foreach (var set in candidates.Skip(1))
        {
            set.IntersectInto(bits);
        }

        for (var w = 0; w < bits.Length; w++)
        {
            for (var word = bits[w]; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                if (!roster.Texts[(w << 6) + bit].Contains(term, StringComparison.Ordinal))
                {
                    bits[w] &= ~(1UL << bit);
                }
            }
        }

        return RosterSlotSet.FromBits(bits);
    }

    /// <summary>The smallest set is a short list: test each of its slots against the other sets.</summary>
    private static RosterMatches FromList(List<RosterSlotSet> sets, CandidateCheck check)
    {
        var matches = new List<int>();
        foreach (var slot in sets[0].Slots)
        {
            var inAll = true;
            for (var i = 1; i < sets.Count && inAll; i++)
            {
                inAll = sets[i].Contains(slot);
            }

            if (inAll && check.Passes(slot))
            {
                matches.Add(slot);
            }
        }

        return RosterMatches.OfSlots([.. matches]);
    }

    /// <summary>Every set is large (or there is none): intersect bitmaps word by word, then check what is left.</summary>
    private static RosterMatches FromBitmap(List<RosterSlotSet> sets, CandidateCheck check, int rosterSize)
    {
        var bits = new ulong[RosterSlotSet.WordsFor(rosterSize)];
        if (sets.Count == 0)
        {
            bits.AsSpan().Fill(ulong.MaxValue);
            if (rosterSize % 64 != 0)
            {
                bits[^1] = (1UL << rosterSize) - 1;
            }
        }
        else
        {
            sets[0].CopyInto(bits);
            for (var i = 1; i < sets.Count; i++)
            {
                sets[i].IntersectInto(bits);
            }
        }

        if (!check.IsNeeded)
        {
            return RosterMatches.OfBits(bits, RosterSlotSet.CountOf(bits));
        }

        var count = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            for (var remaining = word; remaining != 0; remaining &= remaining - 1)
            {
                var bit = BitOperations.TrailingZeroCount(remaining);
                if (!check.Passes((w << 6) + bit))
                {
                    word &= ~(1UL << bit);
                }
            }

            bits[w] = word;
            count += BitOperations.PopCount(word);
        }

        return RosterMatches.OfBits(bits, count);
    }

    /// <summary>What a candidate must still pass: the terms its postings could not settle, and the In/Out filter.</summary>
    private readonly struct CandidateCheck(RosterIndex roster, List<string> terms, PresenceStatus? status, PresenceRoster? presence)
    {
        public bool IsNeeded => terms.Count > 0 || status is not null;

        public bool Passes(int slot)
        {
            if (status is { } wanted && presence!.StatusOf(roster.Ids[slot]) != wanted)
            {
                return false;
            }

            if (terms.Count > 0)
            {
                var text = roster.Texts[slot];
                foreach (var term in terms)
                {
                    if (!text.Contains(term, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
