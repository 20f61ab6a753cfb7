using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Web.Components.Live;

/// <summary>How open pages follow changes (section <c>Directory</c>).</summary>
public sealed class LiveDirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// How long a page gathers changes before it runs its query again (default 250 ms). A change that may alter which
    /// rows a page shows, or their order, asks for a new run at the end of this interval; every change meanwhile joins
    /// it, so a burst costs one run and runs are at least this far apart. Changes that only alter a shown row are
    /// patched at once, whatever this says.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan LiveRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
