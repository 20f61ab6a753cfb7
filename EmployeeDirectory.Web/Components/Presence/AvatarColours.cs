using System.Globalization;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>Initials and a stable background colour per person for <see cref="InitialsAvatar"/>.</summary>
public static class AvatarColours
{
    /// <summary>Dark enough for white text at WCAG AA (4.5:1 or more) on every one.</summary>
    private static readonly string[] Palette =
        ["#1e5fa8", "#2e7d32", "#6a1b9a", "#ad1457", "#00695c", "#4e342e", "#b71c1c", "#37474f", "#283593", "#6d4c41", "#00838f", "#5d4037"];

    /// <summary>The colour of one person: the same id always gets the same colour.</summary>
    public static string Of(int employeeId) => Palette[(int)((uint)employeeId * 2654435761u % (uint)Palette.Length)];

    /// <summary>Up to two initials: the first letters of the first and last words of the name.</summary>
    public static string InitialsOf(string name)
    {
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(word => word.Length > 0 && char.IsLetterOrDigit(word, 0))
            .ToArray();
        if (words.Length == 0)
        {
            return "?";
        }

        var first = FirstLetter(words[0]);
        return words.Length == 1 ? first : first + FirstLetter(words[^1]);
    }

    private static string FirstLetter(string word) =>
        StringInfo.GetNextTextElement(word).ToUpper(CultureInfo.CurrentCulture);
}
