using EmployeeDirectory.Core.Data.Seeding;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// The demo roster (<see cref="DemoRosterGenerator"/>, deterministic) as roster entries with ids 1..n, plus a
/// few people whose names, titles and offices carry accents, share a name with someone else, or differ from
/// someone only in case, so accent folding and tie-breaks have something to find. Also linked into
/// EmployeeDirectory.Benchmarks.
/// </summary>
internal static class DemoRosterEntries
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<RosterDepartment> Departments { get; } =
        [.. DemoRosterGenerator.DepartmentNames.Select((name, i) => new RosterDepartment(i + 1, name))];

    /// <summary><paramref name="count"/> generated employees followed by the hand-written ones.</summary>
    public static List<RosterEntry> Generate(int count)
    {
        var ids = Departments.Select(d => d.Id).ToArray();
        var entries = DemoRosterGenerator.Generate(count, ids, Now)
            .Select((e, i) => new RosterEntry(i + 1, e.GivenName, e.FamilyName, e.DisplayName, e.Title, Departments[e.DepartmentId - 1].Name, e.Email, e.Location))
            .ToList();

        var id = count;
        entries.Add(new(++id, "José", "Álvarez", "José Álvarez", "Senior Software Engineer", "Engineering", "jose.alvarez@contoso.example", "Ålesund, Floor 2"));
        entries.Add(new(++id, "Zoë", "Brontë", "Zoë Brontë", "Content Designer", "Design", "zoe.bronte@contoso.example", "London, Floor 1"));
        entries.Add(new(++id, "Jürgen", "Groß", "Jürgen Groß", "Data Engineer", "Data & Analytics", "jurgen.gross@contoso.example", "Berlin, Floor 3"));
        entries.Add(new(++id, "Ånund", "Øvrebø", "Ånund Øvrebø", "Account Executive", "Sales", "anund.ovrebo@contoso.example", "Ålesund, Floor 1"));
        entries.Add(new(++id, "John", "Doe", "John Doe", "Account Executive", "Sales", "john.doe@contoso.example", "Seattle, Floor 2"));
        entries.Add(new(++id, "John", "Doe", "John Doe", "Account Executive", "Sales", "john.doe2@contoso.example", "Seattle, Floor 2"));
        entries.Add(new(++id, "jane", "doe", "jane doe", "account executive", "Sales", "jane.doe@contoso.example", "seattle, floor 2"));
        entries.Add(new(++id, "Jane", "Doe", "Jane Doe", "Account Executive", "Sales", "jane.doe2@contoso.example", "Seattle, Floor 2"));
        entries.Add(new(++id, "Renée", "Saint-Aubin", "Renée Saint-Aubin", "Directrice Générale", "Finance", "renee.saint-aubin@contoso.example", "Montréal"));
        return entries;
    }
}
