using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Employees;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Roster search at 100,000 demo employees: the inverted index (<see cref="RosterIndex"/>) against the scan it
/// replaced (<see cref="ScanSearchOracle"/>, the pre-index search without its result cache), each category
/// with the scan as baseline. Every call takes the next of 256 different searches (or the next of 16
/// presence snapshots), so no search repeats the one before; a patch is timed against a rebuild.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RosterSearchBenchmarks
{
    private const int Employees = 100_000;
    private const int Variants = 256;
    private const int Snapshots = 16;

    private List<RosterEntry> _entries = null!;
    private RosterIndex _index = null!;
    private ScanSearchOracle.Roster _scan = null!;
    private DirectoryQuery[] _threeLetters = null!;
    private DirectoryQuery[] _oneLetter = null!;
    private DirectoryQuery[] _severalTerms = null!;
    private (DirectoryQuery Query, PresenceRoster Presence)[] _presenceFiltered = null!;
    private RosterEntry[] _patches = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _entries = DemoRosterEntries.Generate(Employees);
        _index = RosterIndex.Build(_entries, DemoRosterEntries.Departments);
        _scan = new ScanSearchOracle.Roster(_entries);
        foreach (var sort in Enum.GetValues<DirectorySort>())
        {
            _scan.Order(sort);
        }

        var random = new Random(42);
        _threeLetters = [.. Distinct(random, () =>
        {
            var family = Letters(Pick(random).FamilyName);
            return family.Length < 3 ? "" : Piece(random, family, 3);
        }).Select(Search)];
        _oneLetter = [.. Enumerable.Range('a', 26).Select(c => Search(((char)c).ToString()))];
        _severalTerms = [.. Distinct(random, () =>
        {
            var entry = Pick(random);
            return $"{Piece(random, Letters(entry.GivenName), 2)} {Piece(random, Letters(entry.Title), 4)}";
        }).Select(Search)];

        var snapshots = Enumerable.Range(0, Snapshots)
            .Select(_ => new PresenceRoster([.. _entries.Where(_ => random.NextDouble() < 0.55).Select(e => e.Id)]))
            .ToArray();
        foreach (var snapshot in snapshots)
        {
            snapshot.StatusOf(0); // builds its lookup, as the first search over a new snapshot would
        }

        _presenceFiltered = [.. Enumerable.Range(0, Variants).Select(i => (
            new DirectoryQuery { Department = DemoRosterEntries.Departments[i % DemoRosterEntries.Departments.Count].Name, Status = i % 3 == 0 ? PresenceStatus.Out : PresenceStatus.In },
            snapshots[i % Snapshots]))];
        _patches = [.. Enumerable.Range(0, Variants).Select(_ =>
        {
            var entry = Pick(random);
            var donor = Pick(random);
            return entry with { FamilyName = donor.FamilyName, DisplayName = $"{entry.GivenName} {donor.FamilyName}", Title = donor.Title };
        })];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("distinct 3-letter search")]
    public int ScanThreeLetters() => ScanSearchOracle.Run(_scan, null, Next(_threeLetters)).Total;

    [Benchmark, BenchmarkCategory("distinct 3-letter search")]
    public int IndexThreeLetters() => RosterSearch.Run(_index, null, Next(_threeLetters)).Total;

    [Benchmark(Baseline = true), BenchmarkCategory("1-letter search")]
    public int ScanOneLetter() => ScanSearchOracle.Run(_scan, null, Next(_oneLetter)).Total;

    [Benchmark, BenchmarkCategory("1-letter search")]
    public int IndexOneLetter() => RosterSearch.Run(_index, null, Next(_oneLetter)).Total;

    [Benchmark(Baseline = true), BenchmarkCategory("two terms")]
    public int ScanSeveralTerms() => ScanSearchOracle.Run(_scan, null, Next(_severalTerms)).Total;

    [Benchmark, BenchmarkCategory("two terms")]
    public int IndexSeveralTerms() => RosterSearch.Run(_index, null, Next(_severalTerms)).Total;

    [Benchmark(Baseline = true), BenchmarkCategory("In/Out + department, new snapshot")]
    public int ScanPresenceAndDepartment()
    {
        var (query, presence) = Next(_presenceFiltered);
        return ScanSearchOracle.Run(_scan, presence, query).Total;
    }

    [Benchmark, BenchmarkCategory("In/Out + department, new snapshot")]
    public int IndexPresenceAndDepartment()
    {
        var (query, presence) = Next(_presenceFiltered);
        return RosterSearch.Run(_index, presence, query).Total;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("one profile edit")]
    public RosterIndex Rebuild() => RosterIndex.Build(_entries, DemoRosterEntries.Departments);

    [Benchmark, BenchmarkCategory("one profile edit")]
    public RosterIndex Patch() => _index.With(Next(_patches));

    private static DirectoryQuery Search(string text) => new() { Text = text };

    private static string Letters(string text) => new([.. text.Where(char.IsLetter)]);

    private static string Piece(Random random, string text, int length) =>
        text.Length <= length ? text : text.Substring(random.Next(text.Length - length + 1), length).ToLowerInvariant();

    private static IEnumerable<string> Distinct(Random random, Func<string> draw)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (seen.Count < Variants)
        {
            var text = draw();
            if (text.Length > 0 && seen.Add(text))
            {
                yield return text;
            }
        }
    }

    private RosterEntry Pick(Random random) => _entries[random.Next(_entries.Count)];

    private T Next<T>(T[] items) => items[(int)((uint)_next++ % (uint)items.Length)];
}
