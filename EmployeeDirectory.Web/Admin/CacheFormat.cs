using System.Globalization;

namespace EmployeeDirectory.Web.Admin;

/// <summary>
/// Text for the console's numbers. <see cref="Ttl"/> must match <c>formatTtl</c> in
/// CacheKeyBrowser.razor.js, which keeps the same text counting down in the browser.
/// </summary>
public static class CacheFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Time left: tenths of a second under a minute (so the countdown moves smoothly), then d/h/m/s.</summary>
    public static string Ttl(TimeSpan remaining)
    {
        var milliseconds = (long)Math.Floor(remaining.TotalMilliseconds);
        if (milliseconds <= 0)
        {
            return "expired";
        }

        if (milliseconds < 60_000)
        {
            return (milliseconds / 100 / 10.0).ToString("0.0", Invariant) + " s";
        }

        var seconds = milliseconds / 1000;
        var (days, hours, minutes, secs) = (seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return days > 0 ? $"{days}d {hours}h {minutes:00}m {secs:00}s"
            : hours > 0 ? $"{hours}h {minutes:00}m {secs:00}s"
            : $"{minutes}m {secs:00}s";
    }

    /// <summary>A configured lifetime in its largest whole unit: "24 h", "5 min", "60 s", "1.5 s".</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { Ticks: > 0 } when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)duration.TotalHours} h",
        { Ticks: > 0 } when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)duration.TotalMinutes} min",
        _ when duration.Ticks % TimeSpan.TicksPerSecond == 0 => $"{(long)duration.TotalSeconds} s",
        _ => duration.TotalSeconds.ToString("0.###", Invariant) + " s",
    };

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", Invariant) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", Invariant) + " MB",
    };

    /// <summary>A hit ratio as a percentage; a dash before the first lookup.</summary>
    public static string Ratio(double? ratio) => ratio is { } value ? (value * 100).ToString("0.0", Invariant) + " %" : "—";

    /// <summary>A latency given in milliseconds, in µs below a millisecond; a dash when nothing was measured.</summary>
    public static string Latency(double milliseconds, long samples) => samples == 0 ? "—" : milliseconds switch
    {
        < 1 => (milliseconds * 1000).ToString("0.#", Invariant) + " µs",
        < 1000 => milliseconds.ToString("0.##", Invariant) + " ms",
        _ => (milliseconds / 1000).ToString("0.##", Invariant) + " s",
    };

    public static string Count(long value) => value.ToString("N0", Invariant);
}
