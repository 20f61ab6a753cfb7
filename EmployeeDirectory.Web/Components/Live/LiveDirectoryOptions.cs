using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Web.Components.Live;

/// <summary>How open pages follow changes (section <c>Directory</c>).</summary>
public sealed class LiveDirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// The shortest time between two runs of one page's query (default 250 ms). A change that may alter which rows a
    /// page shows, or their order, makes it run its query again; a burst of such changes runs it once per interval.
    /// Changes that only alter a shown row are patched at once, whatever this says.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan LiveRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
