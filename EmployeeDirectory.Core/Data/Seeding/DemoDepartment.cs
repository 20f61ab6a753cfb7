namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// A department of the demo roster: its share of the headcount, the title of its head and the titles
/// of everyone else, most common first.
/// </summary>
internal sealed record DemoDepartment(string Name, double Weight, string HeadTitle, IReadOnlyList<string> Titles);
