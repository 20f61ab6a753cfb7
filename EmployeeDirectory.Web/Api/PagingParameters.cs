using System.Globalization;

namespace EmployeeDirectory.Web.Api;

/// <summary>Parses the page numbers a query string carries as text, so a non-number becomes a field error.</summary>
internal static class PagingParameters
{
    public static int ParseWholeNumber(string? value, string field, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[field] = [$"{field} must be a whole number."];
        return fallback;
    }
}
