using System.Globalization;
using System.Text;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Api;

/// <summary>
/// One employee as a vCard 4.0 (RFC 6350): formatted and structured name, title, department, email, work phone
/// and location. Text values are escaped (backslash, comma, semicolon, line breaks), the address label parameter as
/// RFC 6868 says, and long lines folded at 75 octets, so an address book reads exactly what the directory holds.
/// </summary>
internal sealed class VCard(EmployeeProfile profile) : IResult
{
    public const string ContentType = "text/vcard";

    private const int MaxLineOctets = 75;

    public string FileName => $"{Slug(profile.DisplayName)}.vcf";

    public string Text()
    {
        var card = new StringBuilder();
        Line(card, "BEGIN:VCARD");
        Line(card, "VERSION:4.0");
        Line(card, $"FN:{Escape(profile.DisplayName)}");
        Line(card, $"N:{Escape(profile.FamilyName)};{Escape(profile.GivenName)};;;");
        if (!string.IsNullOrEmpty(profile.Title))
        {
            Line(card, $"TITLE:{Escape(profile.Title)}");
        }

        Line(card, $"ORG:;{Escape(profile.Department)}");
        Line(card, $"EMAIL;TYPE=work:{Escape(profile.Email)}");
        if (!string.IsNullOrEmpty(profile.Phone))
        {
            Line(card, $"TEL;TYPE=work,voice;VALUE=text:{Escape(profile.Phone)}");
        }

        if (!string.IsNullOrEmpty(profile.Location))
        {
            Line(card, $"ADR;TYPE=work;LABEL=\"{EscapeParameter(profile.Location)}\":;;{Escape(profile.Location)};;;;");
        }

        Line(card, string.Create(CultureInfo.InvariantCulture, $"UID:urn:x-employee-directory:{profile.Id}"));
        Line(card, "END:VCARD");
        return card.ToString();
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = $"{ContentType}; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        await httpContext.Response.WriteAsync(Text(), Encoding.UTF8, httpContext.RequestAborted);
    }

    internal static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// A parameter value inside double quotes, escaped as RFC 6868 says: <c>^</c> as <c>^^</c>, a double quote as
    /// <c>^'</c>, a line break as <c>^n</c>; other control characters (but the tab) cannot appear in a parameter and are
    /// dropped. So a value can neither end the parameter nor start a line of its own.
    /// </summary>
    internal static string EscapeParameter(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '^':
                    escaped.Append("^^");
                    break;
                case '"':
                    escaped.Append("^'");
                    break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    escaped.Append("^n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Appends a content line, folded (CRLF and a space) so no physical line exceeds 75 octets, never inside a character.</summary>
    private static void Line(StringBuilder card, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                card.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1;
            }

            card.Append(rune.ToString());
            octets += size;
        }

        card.Append("\r\n");
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var text = slug.ToString().Trim('-');
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        return text.Length == 0 ? "employee" : text;
    }
}
