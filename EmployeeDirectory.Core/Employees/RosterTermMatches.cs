using System.Collections.Concurrent;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Recent verified matches of long terms whose postings leave most of the roster as candidates ("contoso"
/// is in every address): the one kind of search the postings cannot answer without reading many texts. Kept
/// per index instance, so whatever asks for it next (another page, another filter, a new presence snapshot)
/// reuses it; a patch hands the next instance a copy updated for the patched slot. Bounded by term count;
/// each result is at most one bit per roster slot.
/// </summary>
internal sealed class RosterTermMatches
{
    private const int MaxTerms = 128;

    private readonly ConcurrentDictionary<string, RosterSlotSet> _matches;

    public RosterTermMatches()
        : this(new ConcurrentDictionary<string, RosterSlotSet>(StringComparer.Ordinal))
    {
    }

    private RosterTermMatches(ConcurrentDictionary<string, RosterSlotSet> matches) => _matches = matches;

    /// <summary>The slots whose text contains <paramref name="term"/>, computed by <paramref name="verify"/> if not kept.</summary>
    public RosterSlotSet GetOrAdd(string term, Func<string, RosterSlotSet> verify)
    {
        if (_matches.TryGetValue(term, out var kept))
        {
            return kept;
        }

        var verified = verify(term);
        if (_matches.Count >= MaxTerms)
        {
            _matches.Clear();
        }

        return _matches.GetOrAdd(term, verified);
    }

    /// <summary>The kept matches for the index in which <paramref name="slot"/> holds <paramref name="text"/>.</summary>
    public RosterTermMatches With(int slot, string text, int rosterSize)
    {
        var next = new ConcurrentDictionary<string, RosterSlotSet>(StringComparer.Ordinal);
        foreach (var (term, matches) in _matches)
        {
            next[term] = text.Contains(term, StringComparison.Ordinal) ? matches.With(slot, rosterSize) : matches.Without(slot) ?? RosterSlotSet.FromSorted([], rosterSize);
        }

        return new RosterTermMatches(next);
    }
}
