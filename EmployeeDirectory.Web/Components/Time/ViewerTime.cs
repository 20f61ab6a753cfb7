using System.Globalization;

namespace EmployeeDirectory.Web.Components.Time;

/// <summary>
/// Times as the person looking at the page reads them: in their browser's time zone (sent by the page as the
/// <see cref="CookieName"/> cookie, see <c>app.js</c>), UTC until it is known. Cascaded from the router to every page.
/// </summary>
public sealed class ViewerTime
{
    /// <summary>The cookie holding the browser's IANA time zone (e.g. <c>Europe/Berlin</c>).</summary>
    public const string CookieName = "ed-tz";

    private const int MaxZoneLength = 64;

    /// <summary>A viewer whose zone is not known (yet): UTC.</summary>
    public static readonly ViewerTime Utc = new(TimeZoneInfo.Utc);

    public ViewerTime(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's name as people know it: its IANA id, or UTC.</summary>
    public string ZoneName => Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;

    /// <summary>The viewer whose zone is <paramref name="zoneId"/>; UTC for a missing or unknown zone.</summary>
    public static ViewerTime From(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || zoneId.Length > MaxZoneLength)
        {
            return Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone) ? new ViewerTime(zone) : Utc;
    }

    /// <summary>The moment on the viewer's clock.</summary>
    public DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The viewer's wall-clock time <paramref name="local"/> as a moment (an hour that does not exist moves on).</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>For a tooltip: "Tue 4 Mar 2025, 15:30 (Europe/Berlin)".</summary>
    public string Absolute(DateTimeOffset moment) =>
        Local(moment).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({ZoneName})";

    /// <summary>A clock time as people say it: "3:00 pm" today, "Tue 9:00 am" on another day.</summary>
    public string Clock(DateTimeOffset moment, DateTimeOffset now)
    {
        var local = Local(moment);
        var time = local.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant();
        return local.Date == Local(now).Date ? time : $"{local.ToString("ddd", CultureInfo.InvariantCulture)} {time}";
    }
}
