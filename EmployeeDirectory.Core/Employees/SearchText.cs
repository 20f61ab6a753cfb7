using System.Globalization;
using System.Text;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Search normalisation: upper-invariant with diacritics removed, so "jose" finds "José" and the result
/// never depends on a database collation.
/// </summary>
public static class SearchText
{
    /// <summary>The normalised text an entry is searched by.</summary>
    public static string Of(RosterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Normalize(string.Join(' ', entry.DisplayName, entry.GivenName, entry.FamilyName, entry.Title, entry.Department, entry.Email));
    }

    /// <summary>Splits a query into normalised terms; every term must match.</summary>
    public static string[] Terms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Upper-invariant, without combining marks, whitespace collapsed to single spaces.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToUpperInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
