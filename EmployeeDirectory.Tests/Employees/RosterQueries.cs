using System.Globalization;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// A deterministic mix of a few hundred directory searches over a roster: single letters, two-letter and longer
/// fragments cut from real entries, several words, accented input, email fragments, titles, searches that find
/// nobody, each with a department filter, an In/Out filter, a sort and a page drawn in turn; plus the filter-only
/// searches (department, status, both, neither) in every sort.
/// </summary>
internal static class RosterQueries
{
    private static readonly string[] Fixed =
    [
        "a", "e", "z", "q", "x", "é", "ø", "1",
        "José", "jose", "JOSÉ", "Zoë", "zoe", "Ålesund", "alesund", "Jürgen", "jurgen", "Groß", "Øvrebø", "Renée", "GÉNÉRALE", "  josé   álvarez  ",
        "@contoso", "doe@co", "contoso.example", ".example", "@", "john.doe2@", "jane.doe", "saint-aubin",
        "Software Engineer", "engineer", "account exec", "vp of", "chief", "manager senior", "floor",
        "zzqx", "qqq", "xyzzy", "@@", "doe zzqx", "", "   ",
    ];

    public static List<DirectoryQuery> For(IReadOnlyList<RosterEntry> entries, int seed = 8)
    {
        var random = new Random(seed);
        var texts = new List<string>(Fixed);
        for (var i = 0; i < 40; i++)
        {
            texts.Add(Fragment(random, entries, 2));
        }

        for (var i = 0; i < 80; i++)
        {
            texts.Add(Fragment(random, entries, random.Next(3, 9)));
        }

        for (var i = 0; i < 40; i++)
        {
            var entry = entries[random.Next(entries.Count)];
            texts.Add($"{Fragment(random, entry, random.Next(2, 6))} {Fragment(random, entry, random.Next(1, 5))}");
        }

        for (var i = 0; i < 20; i++)
        {
            texts.Add($"{Fragment(random, entries, random.Next(1, 4))} {Fragment(random, entries, random.Next(1, 4))} {Fragment(random, entries, 1)}");
        }

        for (var i = 0; i < 30; i++)
        {
            var email = entries[random.Next(entries.Count)].Email;
            var at = email.IndexOf('@', StringComparison.Ordinal);
            var start = random.Next(0, at + 1);
            texts.Add(email[start..Math.Min(email.Length, at + random.Next(1, 6))]);
        }

        for (var i = 0; i < 20; i++)
        {
            var title = entries[random.Next(entries.Count)].Title;
            texts.Add(random.Next(2) == 0 ? title : title.Split(' ')[^1].ToLowerInvariant());
        }

        var queries = texts.Select((text, i) => Drawn(random, entries, text, i)).ToList();
        queries.AddRange(FilterOnly(entries));
        return queries;
    }

    /// <summary>Who is In in a snapshot drawn from <paramref name="seed"/>: a little over half the roster.</summary>
    public static PresenceRoster Presence(IReadOnlyList<RosterEntry> entries, int seed = 11) => new(InIds(entries, seed));

    /// <summary>The ids <see cref="Presence"/> puts In.</summary>
    public static int[] InIds(IReadOnlyList<RosterEntry> entries, int seed = 11)
    {
        var random = new Random(seed);
        return [.. entries.Where(_ => random.NextDouble() < 0.55).Select(e => e.Id)];
    }

    public static string Describe(DirectoryQuery query) => string.Create(
        CultureInfo.InvariantCulture,
        $"text \"{query.Text}\", department \"{query.Department}\", status {query.Status}, sort {query.Sort}, page {query.Page} of {query.PageSize}");

    private static DirectoryQuery Drawn(Random random, IReadOnlyList<RosterEntry> entries, string text, int i) => new()
    {
        Text = text,
        Sort = (DirectorySort)(i % 8),
        Department = (i % 5) switch
        {
            0 => entries[random.Next(entries.Count)].Department.ToUpperInvariant(),
            1 => $"  {entries[random.Next(entries.Count)].Department.ToLowerInvariant()} ",
            2 when i % 3 == 0 => "Nowhere",
            _ => null,
        },
        Status = (i % 7) switch
        {
            0 or 1 => PresenceStatus.In,
            2 => PresenceStatus.Out,
            _ => null,
        },
        Page = (i % 6) switch
        {
            0 or 1 or 2 => 1,
            3 => 2,
            4 => 5,
            _ => 40,
        },
        PageSize = (i % 4) switch
        {
            0 => 25,
            1 => 10,
            2 => 1 + random.Next(DirectoryQuery.MaxPageSize),
            _ => DirectoryQuery.MaxPageSize,
        },
    };

    private static IEnumerable<DirectoryQuery> FilterOnly(IReadOnlyList<RosterEntry> entries)
    {
        var department = entries[0].Department.ToLowerInvariant();
        foreach (var sort in Enum.GetValues<DirectorySort>())
        {
            foreach (var page in new[] { 1, 3, 400 })
            {
                yield return new DirectoryQuery { Sort = sort, Page = page };
                yield return new DirectoryQuery { Sort = sort, Page = page, Department = department };
                yield return new DirectoryQuery { Sort = sort, Page = page, Status = PresenceStatus.In };
                yield return new DirectoryQuery { Sort = sort, Page = page, Status = PresenceStatus.Out, Department = department, PageSize = 7 };
            }
        }
    }

    /// <summary>A piece of one of a random entry's searchable fields, in the field's case, lower or upper case.</summary>
    private static string Fragment(Random random, IReadOnlyList<RosterEntry> entries, int length) =>
        Fragment(random, entries[random.Next(entries.Count)], length);

    private static string Fragment(Random random, RosterEntry entry, int length)
    {
        string[] fields = [entry.GivenName, entry.FamilyName, entry.DisplayName, entry.Title, entry.Department, entry.Email];
        var field = fields[random.Next(fields.Length)];
        var start = random.Next(0, Math.Max(1, field.Length - length + 1));
        var piece = field.Substring(start, Math.Min(length, field.Length - start));
        return random.Next(3) switch
        {
            0 => piece.ToLowerInvariant(),
            1 => piece.ToUpperInvariant(),
            _ => piece,
        };
    }
}
