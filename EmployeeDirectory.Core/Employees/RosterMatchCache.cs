using System.Collections.Concurrent;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Recent search results over one <see cref="RosterIndex"/> instance: the positions of every match, in
/// sort order. Paging through a result, or many people running the same search, costs a slice; typing one
/// more letter scans only the previous result. It lives and dies with the index instance, so a profile
/// edit (which replaces the index) or a presence change (a new snapshot, part of the shape) can never
/// leave an old answer behind. Bounded by entry count and by positions held.
/// </summary>
internal sealed class RosterMatchCache
{
    private const int MaxEntries = 256;
    private const long MaxPositions = 4_000_000;
    private readonly ConcurrentDictionary<RosterQueryShape, int[]> _matches = new();
    private long _positions;

    /// <param name="shape">The search.</param>
    /// <param name="compute">Finds the matches among the given candidate positions (already in sort order).</param>
    /// <param name="everyone">All positions in sort order, the candidates when nothing cached covers the shape.</param>
    public int[] GetOrCompute(RosterQueryShape shape, Func<int[], int[]> compute, int[] everyone)
    {
        if (shape.MatchesEveryone)
        {
            return everyone;
        }

        if (_matches.TryGetValue(shape, out var cached))
        {
            return cached;
        }

        var result = compute(NarrowestCovering(shape) ?? everyone);
        if (_matches.Count >= MaxEntries || Interlocked.Read(ref _positions) + result.Length > MaxPositions)
        {
            _matches.Clear();
            Interlocked.Exchange(ref _positions, 0);
        }

        if (_matches.TryAdd(shape, result))
        {
            Interlocked.Add(ref _positions, result.Length);
        }

        return result;
    }

    private int[]? NarrowestCovering(RosterQueryShape shape)
    {
        int[]? narrowest = null;
        foreach (var (candidate, matches) in _matches)
        {
            if ((narrowest is null || matches.Length < narrowest.Length) && candidate.Covers(shape))
            {
                narrowest = matches;
            }
        }

        return narrowest;
    }
}
