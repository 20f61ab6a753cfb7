using EmployeeDirectory.Core.Data.Seeding;

namespace EmployeeDirectory.Tests.Data;

public sealed class DemoRosterGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly int[] DepartmentIds = [.. Enumerable.Range(101, DemoRosterGenerator.DepartmentNames.Count)];

    [Fact]
    public void TheSameSeedGivesTheSameRoster()
    {
        var first = DemoRosterGenerator.Generate(300, DepartmentIds, Now).Select(Describe).ToList();
        var second = DemoRosterGenerator.Generate(300, DepartmentIds, Now).Select(Describe).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void ADifferentSeedGivesADifferentRoster()
    {
        var first = DemoRosterGenerator.Generate(50, DepartmentIds, Now).Select(Describe);
        var other = DemoRosterGenerator.Generate(50, DepartmentIds, Now, seed: 7).Select(Describe);

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void StatusChangesFallWithinTheDayBeforeNow()
    {
        var roster = DemoRosterGenerator.Generate(1_000, DepartmentIds, Now).ToList();

        Assert.All(roster, e => Assert.InRange(e.PresenceChangedAt!.Value, Now.AddDays(-1), Now));
    }

    [Fact]
    public void EmployeesOnlyReferenceTheGivenDepartments()
    {
        var roster = DemoRosterGenerator.Generate(1_000, DepartmentIds, Now).ToList();

        Assert.All(roster, e => Assert.Contains(e.DepartmentId, DepartmentIds));
    }

    [Fact]
    public void NamesComeFromSeveralLocales()
    {
        var roster = DemoRosterGenerator.Generate(2_000, DepartmentIds, Now).ToList();

        Assert.Contains(roster, e => e.Location.StartsWith("Berlin", StringComparison.Ordinal)
            && e.FamilyName.Any(c => c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü'));
    }

    [Fact]
    public void GeneratingRequiresOneIdPerDepartment()
    {
        Assert.Throws<ArgumentException>(() => DemoRosterGenerator.Generate(10, [1, 2, 3], Now));
    }

    [Fact]
    public void CollidingNamesGetANumberedAddress()
    {
        var emails = new DemoEmailAllocator("contoso.example");

        Assert.Equal("ana.silva@contoso.example", emails.Allocate("Ana", "Silva"));
        Assert.Equal("ana.silva2@contoso.example", emails.Allocate("ana", "SILVA"));
        Assert.Equal("ana.silva3@contoso.example", emails.Allocate("Ana", "Silva"));
        Assert.Equal("ana.silvas@contoso.example", emails.Allocate("Ana", "Silvas"));
    }

    [Theory]
    [InlineData("Jürgen", "jurgen")]
    [InlineData("Groß", "gross")]
    [InlineData("O'Connor", "oconnor")]
    [InlineData("Mary-Jane", "mary-jane")]
    [InlineData("Van der Berg", "vanderberg")]
    [InlineData("'--'", "employee")]
    public void AddressesUsePlainLowercaseLetters(string name, string expected)
    {
        Assert.Equal(expected, DemoEmailAllocator.Slug(name));
    }

    private static string Describe(Core.Employees.Employee e) =>
        $"{e.DisplayName}|{e.Email}|{e.Title}|{e.DepartmentId}|{e.Location}|{e.Phone}|{e.Presence}|" +
        $"{e.PresenceNote}|{e.PresenceChangedAt:O}|{e.PresenceChangedBy}|{e.ConcurrencyStamp}";
}
