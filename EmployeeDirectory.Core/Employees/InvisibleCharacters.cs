using System.Globalization;
using System.Text;

namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The characters a typed value (a name, a title, a note) may not contain: control characters (NUL, tab,
/// newlines, escapes), format characters (bidi embeddings, overrides and isolates; zero-width spaces,
/// joiners and non-joiners; the byte order mark; soft hyphens; tag characters), line and paragraph
/// separators, and unpaired surrogates. Each is invisible or changes how the text around it is shown, so
/// a value holding one could look like another, or display as something it is not. The profile and
/// presence rules refuse them, and the forms call <see cref="Describe"/> to say so as the user types.
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>
    /// Null when <paramref name="value"/> is fine; otherwise a message naming the first offending
    /// character by code point, e.g. "Title contains an invisible or control character (U+202E); remove it."
    /// </summary>
    public static string? Describe(string? value, string label)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return $"{label} contains a broken character (an unpaired surrogate); type it again.";
            }

            if (IsRefused(rune))
            {
                return $"{label} contains an invisible or control character (U+{rune.Value:X4}); remove it.";
            }

            remaining = remaining[consumed..];
        }

        return null;
    }

    private static bool IsRefused(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or
        UnicodeCategory.Format or
        UnicodeCategory.LineSeparator or
        UnicodeCategory.ParagraphSeparator;
}
