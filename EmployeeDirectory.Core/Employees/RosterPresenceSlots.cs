using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Which slots of one index are In and which are Out in the presence snapshot searched last. A snapshot is
/// replaced often (every status change), and a search usually has few candidates to ask it about, so the
/// whole roster is read from a snapshot only when it pays: when the snapshot is asked about a second time
/// (many searches share each snapshot under load) or when nearly every entry is a candidate anyway. Until
/// then the matcher asks the snapshot about its candidates one by one.
/// </summary>
internal sealed class RosterPresenceSlots
{
    private Latest? _latest;

    /// <summary>
    /// The slots whose status in <paramref name="presence"/> is <paramref name="status"/>, or null when reading
    /// the whole snapshot does not pay yet for a search with <paramref name="candidates"/> candidates.
    /// </summary>
    public RosterSlotSet? SlotsWith(RosterIndex roster, PresenceRoster presence, PresenceStatus status, int candidates)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is null || !ReferenceEquals(latest.Presence, presence))
        {
            if (candidates * 2L < roster.Entries.Count)
            {
                Volatile.Write(ref _latest, new Latest(presence, null, null));
                return null;
            }

            latest = null;
        }

        if (latest?.In is null)
        {
            latest = Read(roster, presence);
            Volatile.Write(ref _latest, latest);
        }

        return status == PresenceStatus.In ? latest.In : latest.Out;
    }

    private static Latest Read(RosterIndex roster, PresenceRoster presence)
    {
        var rosterSize = roster.Entries.Count;
        var inBits = new ulong[RosterSlotSet.WordsFor(rosterSize)];
        var outBits = new ulong[inBits.Length];
        for (var slot = 0; slot < rosterSize; slot++)
        {
            var bits = presence.StatusOf(roster.Ids[slot]) == PresenceStatus.In ? inBits : outBits;
            bits[slot >> 6] |= 1UL << slot;
        }

        return new Latest(presence, RosterSlotSet.FromBits(inBits), RosterSlotSet.FromBits(outBits));
    }

    /// <summary>A snapshot seen, and (once read) its In and Out slots.</summary>
    private sealed record Latest(PresenceRoster Presence, RosterSlotSet? In, RosterSlotSet? Out);
}
