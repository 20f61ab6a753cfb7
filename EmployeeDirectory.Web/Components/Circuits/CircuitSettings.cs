using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Web.Components.Circuits;

/// <summary>
/// How this server keeps Blazor circuits (section <c>Circuits</c>). A replica holds thousands of open pages, each a
/// circuit of a few hundred kilobytes (docs/benchmarks.md), so how many one person may hold, and what the server
/// keeps of a page whose browser went away, are bounded.
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "Circuits";

    /// <summary>
    /// Circuits one signed-in account may have open on one server at once: each open tab holds one. A tab over the
    /// limit says so and stays as it was first shown, without live updates, until another closes. A tab closed without
    /// a goodbye still counts while it is kept for a reconnect (<see cref="DisconnectedRetentionPeriod"/>).
    /// Default 20; 0 turns the limit off.
    /// </summary>
    [Range(0, 10_000, ErrorMessage = "Circuits:PerUser must be between 0 (off) and 10000.")]
    public int PerUser { get; set; } = 20;

    /// <summary>
    /// Circuits kept after their connection dropped, so a tab that reconnects (a laptop waking, a replica's network
    /// blip) resumes its page instead of reloading it (default 500, about 150 MB at the measured size). The oldest
    /// go first.
    /// </summary>
    [Range(0, 100_000)]
    public int DisconnectedMaxRetained { get; set; } = 500;

    /// <summary>How long a disconnected circuit is kept for its tab to reconnect (default 3 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DisconnectedRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a call into the browser may take before it fails (default 30 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan JSInteropTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Render batches a browser may leave unacknowledged before the server stops rendering for it (default 10): a
    /// slow or stalled tab then costs no more work or memory until it catches up.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;
}
