using System.Globalization;
using System.Text;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// Hands out unique lowercase addresses <c>given.family@domain</c>, adding 2, 3, ... to the local part
/// on a collision. Letters lose their accents (<c>Jürgen Groß</c> becomes <c>jurgen.gross</c>).
/// </summary>
internal sealed class DemoEmailAllocator(string domain)
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> nextSuffix = new(StringComparer.Ordinal);

    public string Allocate(string givenName, string familyName)
    {
        var localPart = $"{Slug(givenName)}.{Slug(familyName)}";
        var candidate = localPart;
        var suffix = nextSuffix.GetValueOrDefault(localPart, 2);
        while (!taken.Add(candidate))
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{localPart}{suffix++}");
        }

        nextSuffix[localPart] = suffix;
        return $"{candidate}@{domain}";
    }

    internal static string Slug(string name)
    {
        var decomposed = name.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (lower == '-' && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > 0 ? result : "employee";
    }
}
