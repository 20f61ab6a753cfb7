using System.Globalization;
using System.Text;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Search normalisation, one function for the index and the query: compatibility forms folded (NFKD, so
/// fullwidth "ｊｏｓｅ" and the ligature in "ﬁnance" match "jose" and "finance"), diacritics removed ("jose"
/// finds "José"), invisible format and control characters dropped, upper-invariant. The result never
/// depends on a database collation.
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

    /// <summary>
    /// Compatibility-decomposed (NFKD), upper-invariant, without combining marks or format and control
    /// characters, whitespace collapsed to single spaces.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = WithoutBrokenSurrogates(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            var isInvisible = category == UnicodeCategory.Format || (category == UnicodeCategory.Control && !char.IsWhiteSpace(c));
            if (isMark || isInvisible)
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

    /// <summary>Normalize throws on an unpaired surrogate; such a half character cannot match anything anyway.</summary>
    private static string WithoutBrokenSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
