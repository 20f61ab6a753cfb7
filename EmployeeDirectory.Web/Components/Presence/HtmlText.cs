using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>
/// Text made safe for markup that a component renders as one block (<see cref="Microsoft.AspNetCore.Components.MarkupString"/>):
/// only what HTML gives meaning to is escaped, so names in any script stay as they are.
/// </summary>
internal static class HtmlText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary><paramref name="text"/> as HTML text or attribute value.</summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);
}
