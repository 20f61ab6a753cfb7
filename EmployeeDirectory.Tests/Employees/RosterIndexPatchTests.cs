using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>Patching the roster index: a new snapshot per change, the old one untouched, counts and lookups following.</summary>
public sealed class RosterIndexPatchTests
{
    private static readonly RosterDepartment[] Departments = [new(1, "Engineering"), new(2, "Sales"), new(3, "Design")];

    [Fact]
    public void APatchMakesANewSnapshotAndLeavesTheOneItCameFromAsItWas()
    {
        var before = Roster();
        var edited = before.Find(4)! with { GivenName = "Zelda", DisplayName = "Zelda Banner", Email = "zelda.banner@example.com" };

        var after = before.With(edited);

        Assert.Equal("Anna", before.Find(4)!.GivenName);
        Assert.Equal(edited, after.Find(4));
        Assert.Equal([4], Ids(after, "zelda"));
        Assert.Empty(Ids(before, "zelda"));
        Assert.Equal([4], Ids(before, "anna banner"));
        Assert.Empty(Ids(after, "anna banner"));
        Assert.Equal(before.Employees.Count, after.Employees.Count);
    }

    [Fact]
    public void DepartmentHeadCountsFollowPatches()
    {
        var before = Roster();
        var moved = before.Find(2)! with { Department = "Design" };
        var hired = new RosterEntry(100, "Hana", "Ito", "Hana Ito", "Designer", "Design", "hana.ito@example.com", "Oslo");

        var after = before.With(moved).With(hired);

        Assert.Equal(Counts(before)["Engineering"] - 1, Counts(after)["Engineering"]);
        Assert.Equal(Counts(before)["Design"] + 2, Counts(after)["Design"]);
        Assert.Equal(Counts(before)["Sales"], Counts(after)["Sales"]);
        Assert.Equal(RosterIndex.Build([.. after.Employees], Departments).Departments, after.Departments);
        Assert.Equal([2, 100], Ids(after, "", department: "design"));
    }

    [Fact]
    public void AnEntryWithANewIdIsAddedInItsPlaceInEverySort()
    {
        var before = Roster();
        var hired = new RosterEntry(100, "Aaron", "Aardvark", "Aaron Aardvark", "Zookeeper", "Sales", "aaron@example.com", "Zurich");

        var after = before.With(hired);

        Assert.Equal(before.Employees.Count + 1, after.Employees.Count);
        Assert.Null(before.Find(100));
        Assert.Equal(hired, after.Find(100));
        Assert.Equal(100, Ids(after, "", DirectorySort.Name)[0]);
        Assert.Equal(100, Ids(after, "", DirectorySort.TitleDescending)[0]);
        Assert.Equal(100, Ids(after, "", DirectorySort.LocationDescending)[0]);
        Assert.Equal(100, Ids(after, "", DirectorySort.NameDescending)[^1]);
    }

    [Fact]
    public void AChangeTheSearchDoesNotReadSharesItsStructures()
    {
        var before = Roster();

        var relocated = before.With(before.Find(3)! with { Location = "Bergen" });
        var readdressed = before.With(before.Find(3)! with { Email = "someone.else@example.com" });
        var unchanged = before.With(before.Find(3)! with { });

        Assert.Same(before.Grams, relocated.Grams);
        Assert.NotSame(before.Orders, relocated.Orders);
        Assert.Same(before.Orders, readdressed.Orders);
        Assert.NotSame(before.Grams, readdressed.Grams);
        Assert.Same(before, unchanged);
    }

    [Fact]
    public void BuildRefusesTwoEntriesWithOneId()
    {
        var entries = Roster().Employees.Append(Roster().Find(5)! with { GivenName = "Twin" }).ToList();

        var error = Assert.Throws<ArgumentException>(() => RosterIndex.Build(entries, Departments));

        Assert.Contains("Employee 5 appears more than once", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Counts(RosterIndex index) => index.Departments.ToDictionary(d => d.Name, d => d.EmployeeCount);

    private static int[] Ids(RosterIndex index, string text, DirectorySort sort = DirectorySort.Name, string? department = null) =>
        [.. RosterSearch.Run(index, null, new DirectoryQuery { Text = text, Sort = sort, Department = department, PageSize = DirectoryQuery.MaxPageSize }).Page.Select(e => e.Id)];

    private static RosterIndex Roster()
    {
        string[] given = ["Ann", "Anna", "Bo", "Cleo", "Dag", "Eli"];
        string[] family = ["Banner", "Crane", "Hart"];
        var entries = new List<RosterEntry>();
        foreach (var g in given)
        {
            foreach (var f in family)
            {
                var id = entries.Count + 1;
                entries.Add(new RosterEntry(id, g, f, $"{g} {f}", id % 2 == 0 ? "Engineer" : "Analyst", Departments[id % 2].Name, $"{g}.{f}@example.com".ToLowerInvariant(), "Oslo"));
            }
        }

        return RosterIndex.Build(entries, Departments);
    }
}
