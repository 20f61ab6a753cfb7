using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>Searching the roster index in memory.</summary>
public sealed class RosterSearchTests
{
    private static readonly string[] Given = ["Ann", "Anna", "Annabel", "Dana", "Joanne", "Jan", "Hannah", "Bo", "Ivan", "Zoe"];
    private static readonly string[] Family = ["Anders", "Banner", "Crane", "Danvers", "Evans", "Finn", "Grant", "Hart"];

    [Fact]
    public void TypingMoreLettersGivesTheSameAnswerAsSearchingAFreshIndex()
    {
        var warm = Roster();
        foreach (var text in new[] { "a", "an", "ann", "anna", "annab", "an ev", "an eva", "zz" })
        {
            var query = new DirectoryQuery { Text = text, PageSize = 100 };
            var fromWarm = RosterSearch.Run(warm, null, query);
            var fromFresh = RosterSearch.Run(Roster(), null, query);

            Assert.Equal(fromFresh.Total, fromWarm.Total);
            Assert.Equal(fromFresh.Page.Select(e => e.Id), fromWarm.Page.Select(e => e.Id));
            Assert.All(fromWarm.Page, e => Assert.All(SearchText.Terms(text), term => Assert.Contains(term, SearchText.Of(e), StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void PagesOfARepeatedSearchAreSlicesOfOneOrderedResult()
    {
        var roster = Roster();
        var all = RosterSearch.Run(roster, null, new DirectoryQuery { Text = "an", PageSize = 100 });

        var pages = Enumerable.Range(1, 4)
            .SelectMany(page => RosterSearch.Run(roster, null, new DirectoryQuery { Text = "an", PageSize = 7, Page = page }).Page)
            .Select(e => e.Id);

        Assert.Equal(all.Page.Take(28).Select(e => e.Id), pages);
    }

    [Fact]
    public void ANewPresenceSnapshotIsNeverAnsweredFromAResultOfTheOldOne()
    {
        var roster = Roster();
        var query = new DirectoryQuery { Status = PresenceStatus.In, PageSize = 100 };
        var everyoneOut = new PresenceRoster([]);
        var oneIn = new PresenceRoster([roster.Employees[3].Id]);

        var before = RosterSearch.Run(roster, everyoneOut, query);
        var after = RosterSearch.Run(roster, oneIn, query);

        Assert.Equal(0, before.Total);
        Assert.Equal(roster.Employees[3].Id, Assert.Single(after.Page).Id);
    }

    [Fact]
    public void ADepartmentFilterIsCaseInsensitiveAndCombinesWithText()
    {
        var roster = Roster();

        var result = RosterSearch.Run(roster, null, new DirectoryQuery { Text = "ann", Department = "sales", PageSize = 100 });

        Assert.NotEqual(0, result.Total);
        Assert.All(result.Page, e =>
        {
            Assert.Equal("Sales", e.Department);
            Assert.Contains("ANN", SearchText.Of(e), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("ＡＮＮＡ", "ANNA")]          // fullwidth letters
    [InlineData("ﬁnn", "FINN")]               // the fi ligature
    [InlineData("Ａnn Ｃrane", "ANN CRANE")]
    [InlineData("Zoë", "ZOE")]                 // accents, as before
    [InlineData("ann\u200Babel", "ANNABEL")]   // a zero-width space pasted in matches nothing less
    [InlineData("Ⅳan", "IVAN")]               // the roman numeral four
    public void SearchFoldsCompatibilityFormsAndAccentsForTheIndexAndTheQueryAlike(string typed, string folded)
    {
        Assert.Equal(folded, SearchText.Normalize(typed));
        var roster = Roster();

        var result = RosterSearch.Run(roster, null, new DirectoryQuery { Text = typed, PageSize = 100 });

        Assert.NotEqual(0, result.Total);
        Assert.Equal(RosterSearch.Run(roster, null, new DirectoryQuery { Text = folded, PageSize = 100 }).Total, result.Total);
    }

    [Fact]
    public void AnEntryWrittenInCompatibilityFormsIsFoundByPlainLetters()
    {
        var entry = new RosterEntry(1, "Ｆｉｏｎａ", "Ｏ’Ｄａｙ", "Ｆｉｏｎａ Ｏ’Ｄａｙ", "ﬁnance lead", "Finance", "fiona@example.com", "Oslo");

        Assert.Contains("FIONA", SearchText.Of(entry), StringComparison.Ordinal);
        Assert.Contains("FINANCE LEAD", SearchText.Of(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenCharacterInAQueryIsIgnoredRatherThanFailingTheSearch() =>
        Assert.Equal("ANN", SearchText.Normalize("an\uD800n"));

    private static RosterIndex Roster()
    {
        var entries = new List<RosterEntry>();
        var id = 1;
        foreach (var given in Given)
        {
            foreach (var family in Family)
            {
                var department = id % 3 == 0 ? "Sales" : "Engineering";
                entries.Add(new RosterEntry(id, given, family, $"{given} {family}", "Engineer", department, $"{given}.{family}{id}@example.com".ToLowerInvariant(), "Oslo"));
                id++;
            }
        }

        return RosterIndex.Build(entries, [new RosterDepartment(1, "Engineering"), new RosterDepartment(2, "Sales")]);
    }
}
