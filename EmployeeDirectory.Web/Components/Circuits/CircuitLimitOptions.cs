using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Web.Components.Circuits;

/// <summary>How many interactive pages (Blazor circuits) one person may hold open on a server (section <c>Circuits</c>).</summary>
public sealed class CircuitLimitOptions
{
    public const string SectionName = "Circuits";

    /// <summary>
    /// Circuits one signed-in account may have open on one server at once: each open tab holds one, about 2.5 MB.
    /// A tab over the limit says so and stays as it was first shown, without live updates, until another closes.
    /// A tab closed without a goodbye still counts for up to 3 minutes (Blazor keeps it for a reconnect).
    /// Default 20; 0 turns the limit off.
    /// </summary>
    [Range(0, 10_000, ErrorMessage = "Circuits:PerUser must be between 0 (off) and 10000.")]
    public int PerUser { get; set; } = 20;
}
