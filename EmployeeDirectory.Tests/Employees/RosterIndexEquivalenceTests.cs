using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// The indexed search answers every search exactly as the scan it replaced (<see cref="ScanSearchOracle"/>):
/// the same employees in the same order and the same totals, on the demo roster, and again after a few hundred
/// patches, where it must also answer exactly as an index built from scratch over the same entries.
/// </summary>
public sealed class RosterIndexEquivalenceTests
{
    private const int GeneratedEmployees = 3_000;
    private static readonly Lazy<List<RosterEntry>> Roster = new(() => DemoRosterEntries.Generate(GeneratedEmployees));

    [Fact]
    public void TheIndexAnswersEverySearchAsTheScanDid()
    {
        var entries = Roster.Value;
        var queries = RosterQueries.For(entries);
        var presence = RosterQueries.Presence(entries);

        var totals = AssertSameAnswers(RosterIndex.Build(entries, DemoRosterEntries.Departments), Oracle(entries), presence, queries);

        Assert.True(queries.Count >= 300, $"Only {queries.Count} searches were compared.");
        Assert.True(totals.Count(t => t > 0) >= queries.Count * 2 / 3, $"Only {totals.Count(t => t > 0)} of {queries.Count} searches found anyone: the comparison proves little.");
        Assert.Contains(0, totals);
        Assert.Contains(totals, t => t > 1_000);
    }

    [Fact]
    public void SearchesEachWithANewPresenceSnapshotAnswerAsTheScanDid()
    {
        var entries = Roster.Value;
        var inIds = RosterQueries.InIds(entries);
        var index = RosterIndex.Build(entries, DemoRosterEntries.Departments);
        var oracle = Oracle(entries);

        // A snapshot seen once is asked about candidates one by one; one seen again is read whole (the first test covers that).
        foreach (var query in RosterQueries.For(entries).Where(q => q.Status is not null))
        {
            AssertSameAnswers(index, oracle, new PresenceRoster(inIds), [query]);
        }
    }

    [Fact]
    public void AccentedAndEmailSearchesFindThePeopleTheyName()
    {
        var index = RosterIndex.Build(Roster.Value, DemoRosterEntries.Departments);

        Assert.Contains("José Álvarez", Names(index, "jose alvarez"));
        Assert.Contains("Zoë Brontë", Names(index, "ZOE bronte"));
        Assert.Contains("Ånund Øvrebø", Names(index, "anund øvrebø"));
        Assert.Contains("Jürgen Groß", Names(index, "jürgen groß"));
        Assert.Equal(["John Doe", "John Doe"], Names(index, "john.doe"));
        Assert.Equal(["jane doe", "John Doe"], Names(index, "doe@co"));
    }

    [Fact]
    public void APatchedIndexAnswersAsAFreshBuildOfTheSameEntries()
    {
        var original = Roster.Value;
        var queries = RosterQueries.For(original);
        var presence = RosterQueries.Presence(original);
        var current = original.ToDictionary(e => e.Id);
        var before = RosterIndex.Build(original, DemoRosterEntries.Departments);
        AssertSameAnswers(before, Oracle(original), presence, queries); // what it keeps from these searches is handed on by each patch
        var patched = before;

        var random = new Random(2026);
        for (var patch = 0; patch < 300; patch++)
        {
            var entry = Patch(random, original, current, nextId: original.Count + 1 + patch);
            current[entry.Id] = entry;
            patched = patched.With(entry);
        }

        var entries = current.Values.OrderByDescending(e => e.Id).ToList();
        var fresh = RosterIndex.Build(entries, DemoRosterEntries.Departments);
        AssertSameAnswers(patched, fresh, presence, queries);
        AssertSameAnswers(patched, Oracle(entries), presence, queries);
        Assert.Equal(fresh.Departments, patched.Departments);
        Assert.Equal(entries.OrderBy(e => e.Id), patched.Employees.OrderBy(e => e.Id));
        Assert.All(entries, e => Assert.Equal(e, patched.Find(e.Id)));

        // The snapshot the patches started from still answers for the original entries.
        AssertSameAnswers(before, Oracle(original), presence, queries.Take(60));
    }

    private static ScanSearchOracle.Roster Oracle(IReadOnlyList<RosterEntry> entries) => new(entries);

    private static string[] Names(RosterIndex index, string text) =>
        [.. RosterSearch.Run(index, null, new DirectoryQuery { Text = text, PageSize = DirectoryQuery.MaxPageSize }).Page.Select(e => e.DisplayName)];

    /// <summary>One edit: a new employee now and then; otherwise an existing one gets another name, title, department, email or location (or several).</summary>
    private static RosterEntry Patch(Random random, List<RosterEntry> original, Dictionary<int, RosterEntry> current, int nextId)
    {
        var donor = original[random.Next(original.Count)];
        if (random.Next(15) == 0)
        {
            return donor with { Id = nextId, Email = $"new{nextId}@contoso.example" };
        }

        var entry = current[original[random.Next(original.Count)].Id];
        var changes = random.Next(1, 4);
        for (var i = 0; i < changes; i++)
        {
            entry = random.Next(6) switch
            {
                0 => entry with { GivenName = donor.GivenName, DisplayName = $"{donor.GivenName} {entry.FamilyName}" },
                1 => entry with { FamilyName = random.Next(2) == 0 ? donor.FamilyName : "Ærøskøbing-Núñez", DisplayName = $"{entry.GivenName} {donor.FamilyName}" },
                2 => entry with { Title = random.Next(2) == 0 ? donor.Title : "Chief Ångström Officer" },
                3 => entry with { Department = random.Next(4) == 0 ? "Skunkworks" : donor.Department },
                4 => entry with { Email = $"{donor.Email.Split('@')[0]}.{entry.Id}@fabrikam.example" },
                _ => entry with { Location = donor.Location },
            };
        }

        return entry;
    }

    private static List<int> AssertSameAnswers(RosterIndex index, ScanSearchOracle.Roster oracle, PresenceRoster presence, IEnumerable<DirectoryQuery> queries) =>
        AssertSame(queries, q => RosterSearch.Run(index, presence, q), q => ScanSearchOracle.Run(oracle, presence, q));

    private static void AssertSameAnswers(RosterIndex index, RosterIndex expected, PresenceRoster presence, IEnumerable<DirectoryQuery> queries) =>
        AssertSame(queries, q => RosterSearch.Run(index, presence, q), q => RosterSearch.Run(expected, presence, q));

    /// <summary>Runs every query both ways; fails listing the first mismatches. Returns the totals.</summary>
    private static List<int> AssertSame(
        IEnumerable<DirectoryQuery> queries,
        Func<DirectoryQuery, (List<RosterEntry> Page, int Total)> actual,
        Func<DirectoryQuery, (List<RosterEntry> Page, int Total)> expected)
    {
        var totals = new List<int>();
        var mismatches = new List<string>();
        foreach (var query in queries)
        {
            var want = expected(query);
            var got = actual(query);
            totals.Add(want.Total);
            var wantIds = want.Page.Select(e => e.Id).ToList();
            var gotIds = got.Page.Select(e => e.Id).ToList();
            if (want.Total != got.Total || !wantIds.SequenceEqual(gotIds))
            {
                mismatches.Add($"{RosterQueries.Describe(query)}: expected {want.Total} [{string.Join(',', wantIds.Take(8))}], got {got.Total} [{string.Join(',', gotIds.Take(8))}]");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} searches answered differently:\n{string.Join('\n', mismatches.Take(10))}");
        return totals;
    }
}
