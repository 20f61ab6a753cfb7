using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Api;

namespace EmployeeDirectory.Tests.Security;

/// <summary>
/// Abuse matrix, the vCard's parameters: the location also goes into the address's <c>LABEL</c> parameter, a quoted
/// string, and is escaped there as RFC 6868 says (<c>^^</c>, <c>^'</c> for a double quote, <c>^n</c> for a line break;
/// other control characters but the tab dropped), so no value can end the parameter, add one, or start a property of its own.
/// </summary>
public sealed class VCardParameterTests
{
    [Theory]
    [InlineData("Floor 2\"; TYPE=pref:evil", "LABEL=\"Floor 2^'; TYPE=pref:evil\"")]
    [InlineData("Line one\r\nEMAIL:attacker@example.com", "LABEL=\"Line one^nEMAIL:attacker@example.com\"")]
    [InlineData("Caret ^ and bell \u0007 and tab\tend", "LABEL=\"Caret ^^ and bell  and tab\tend\"")]
    public void TheLabelParameterIsEscapedSoItCannotEndOrAddAnything(string location, string expected)
    {
        var card = new VCard(new EmployeeProfile(1, "Ana", "Silva", "Ana Silva", "", 1, "R&D", "ana@example.com", "", location, Guid.Empty)).Text();

        var unfolded = card.Replace("\r\n ", "", StringComparison.Ordinal);
        var address = Assert.Single(unfolded.Split("\r\n"), line => line.StartsWith("ADR", StringComparison.Ordinal));
        Assert.Contains(expected, address, StringComparison.Ordinal);
        Assert.DoesNotContain(unfolded.Split("\r\n"), line => line.StartsWith("EMAIL:attacker", StringComparison.Ordinal));
        Assert.Equal(1, unfolded.Split("\r\n").Count(line => line.StartsWith("EMAIL", StringComparison.Ordinal)));
    }
}
