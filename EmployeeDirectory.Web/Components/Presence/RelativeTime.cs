using System.Globalization;

namespace EmployeeDirectory.Web.Components.Presence;

/// <summary>Short "since" texts for status changes ("just now", "5 min ago", "3 h ago", "2 days ago").</summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset moment, DateTimeOffset now)
    {
        var elapsed = now - moment;
        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (elapsed < TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min ago");
        }

        if (elapsed < TimeSpan.FromDays(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h ago");
        }

        var days = (int)elapsed.TotalDays;
        return days == 1
            ? "yesterday"
            : string.Create(CultureInfo.InvariantCulture, $"{days} days ago");
    }

    /// <summary>Machine-readable form for the datetime attribute of a time element.</summary>
    public static string Iso(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
