namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The roster in each ascending sort of <see cref="RosterOrder"/>: the slots in order, and each slot's rank in
/// it. Descending sorts read the same arrays backwards. Built by ranking each field's distinct values once (a
/// few thousand culture-aware comparisons instead of millions); a patch moves one slot with a binary search
/// and shares the arrays of every sort whose order it does not change.
/// </summary>
internal sealed class RosterOrders
{
    private readonly Ranking[] _rankings;

    private RosterOrders(Ranking[] rankings) => _rankings = rankings;

    public long EstimatedBytes => _rankings.Sum(ranking => ranking.EstimatedBytes) + RosterMemory.Array(_rankings.Length, RosterMemory.Reference);

    /// <summary>Slots in the ascending sort <paramref name="ascending"/>.</summary>
    public ReadOnlySpan<int> OrderOf(DirectorySort ascending) => _rankings[IndexOf(ascending)].Order;

    /// <summary>Position of each slot in <see cref="OrderOf"/>.</summary>
    public ReadOnlySpan<int> RanksOf(DirectorySort ascending) => _rankings[IndexOf(ascending)].Rank;

    public static RosterOrders Build(IReadOnlyList<RosterEntry> entries)
    {
        var family = DenseRanks(entries, e => e.FamilyName);
        var given = DenseRanks(entries, e => e.GivenName);
        var rankings = RosterOrder.Ascending
            .Select(sort => RosterOrder.PrimaryKey(sort) is { } primary ? DenseRanks(entries, primary) : null)
            .Select(primary => Sorted(entries, primary, family, given))
            .ToArray();
        return new RosterOrders(rankings);
    }

    /// <summary>
    /// The orders once <paramref name="slot"/> holds <c>entries[slot]</c>: a replaced entry when
    /// <paramref name="added"/> is false, a new last slot when it is true.
    /// </summary>
    public RosterOrders With(IReadOnlyList<RosterEntry> entries, int slot, bool added)
    {
        var rankings = new Ranking[_rankings.Length];
        var moved = false;
        for (var i = 0; i < rankings.Length; i++)
        {
            rankings[i] = _rankings[i].With(RosterOrder.For(RosterOrder.Ascending[i]), entries, slot, added);
            moved |= rankings[i] != _rankings[i];
        }

        return moved ? new RosterOrders(rankings) : this;
    }

    private static int IndexOf(DirectorySort ascending) => ascending switch
    {
        DirectorySort.Name => 0,
        DirectorySort.Title => 1,
        DirectorySort.Department => 2,
        DirectorySort.Location => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(ascending), ascending, "Not an ascending sort."),
    };

    /// <summary>For each slot, the rank of its field value among the distinct values; values comparing equal share a rank.</summary>
    private static int[] DenseRanks(IReadOnlyList<RosterEntry> entries, Func<RosterEntry, string> field)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();
        var valueOfSlot = new int[entries.Count];
        for (var slot = 0; slot < entries.Count; slot++)
        {
            var value = field(entries[slot]);
            if (!indexOf.TryGetValue(value, out var index))
            {
                index = indexOf[value] = values.Count;
                values.Add(value);
            }

            valueOfSlot[slot] = index;
        }

        var sorted = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(sorted, (a, b) => RosterOrder.Text.Compare(values[a], values[b]));
        var rankOfValue = new int[values.Count];
        for (int i = 1, rank = 0; i < sorted.Length; i++)
        {
            rank += RosterOrder.Text.Compare(values[sorted[i - 1]], values[sorted[i]]) == 0 ? 0 : 1;
            rankOfValue[sorted[i]] = rank;
        }

        return [.. valueOfSlot.Select(index => rankOfValue[index])];
    }

    private static Ranking Sorted(IReadOnlyList<RosterEntry> entries, int[]? primary, int[] family, int[] given)
    {
        var keys = new SortKey[entries.Count];
        for (var slot = 0; slot < keys.Length; slot++)
        {
            keys[slot] = new SortKey(primary?[slot] ?? 0, family[slot], given[slot], entries[slot].Id, slot);
        }

        Array.Sort(keys);
        var order = new int[keys.Length];
        var rank = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            order[i] = keys[i].Slot;
            rank[order[i]] = i;
        }

        return new Ranking(order, rank);
    }

    /// <summary>An entry's place in one sort: the ranks of the fields compared in turn, then the id.</summary>
    private readonly record struct SortKey(int Primary, int Family, int Given, int Id, int Slot) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var order = Primary.CompareTo(other.Primary);
            order = order != 0 ? order : Family.CompareTo(other.Family);
            order = order != 0 ? order : Given.CompareTo(other.Given);
            return order != 0 ? order : Id.CompareTo(other.Id);
        }
    }

    /// <summary>One ascending sort: <see cref="Order"/>[rank] is a slot, <see cref="Rank"/>[slot] its rank.</summary>
    private sealed class Ranking(int[] order, int[] rank)
    {
        public int[] Order { get; } = order;

        public int[] Rank { get; } = rank;

        public long EstimatedBytes => RosterMemory.Object(2 * RosterMemory.Reference) + (2 * RosterMemory.Array(Order.Length, sizeof(int)));

        public Ranking With(Comparison<RosterEntry> compare, IReadOnlyList<RosterEntry> entries, int slot, bool added)
        {
            var entry = entries[slot];
            var count = Order.Length;
            var from = added ? count : Rank[slot];
            if (!added
                && (from == 0 || compare(entries[Order[from - 1]], entry) < 0)
                && (from == count - 1 || compare(entry, entries[Order[from + 1]]) < 0))
            {
                return this;
            }

            // Binary search among the other slots (the order without `from`) for the first that sorts after the entry.
            var others = added ? count : count - 1;
            int low = 0, high = others;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                var other = Order[middle < from ? middle : middle + 1];
                if (compare(entries[other], entry) < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var to = low;
            var order = new int[others + 1];
            var rank = new int[others + 1];
            Array.Copy(Rank, rank, Rank.Length);
            if (to <= from)
            {
                Array.Copy(Order, order, to);
                Array.Copy(Order, to, order, to + 1, from - to);
                if (!added)
                {
                    Array.Copy(Order, from + 1, order, from + 1, others - from);
                }
            }
            else
            {
                Array.Copy(Order, order, from);
                Array.Copy(Order, from + 1, order, from, to - from);
                Array.Copy(Order, to + 1, order, to + 1, others - to);
            }

            order[to] = slot;
            for (int i = Math.Min(from, to), last = Math.Min(Math.Max(from, to), others); i <= last; i++)
            {
                rank[order[i]] = i;
            }

            return new Ranking(order, rank);
        }
    }
}
