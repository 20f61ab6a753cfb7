using System.Text;

namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>
/// Text a visitor typed, made safe for a log line: control, format (bidi, zero-width) and line-breaking characters
/// become <c>?</c>, and it is cut at <see cref="MaxLength"/> characters, so a submitted "email" can neither forge
/// log lines nor fill them.
/// </summary>
internal static class LogSafe
{
    public const int MaxLength = 100;

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength + 1));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxLength)))
        {
            text.Append(char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Surrogate
                ? '?'
                : c);
        }

        if (value.Length > MaxLength)
        {
            text.Append('…');
        }

        return text.ToString();
    }
}

/// <summary>Visitor-typed text for a log message, made safe (<see cref="LogSafe.Text"/>) only when the line is written.</summary>
internal readonly record struct SafeLogText(string? Value)
{
    public override string ToString() => LogSafe.Text(Value);
}
