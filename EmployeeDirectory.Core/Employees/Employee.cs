using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>An employee row (entity). Only Core's data layer and services see this type.</summary>
public sealed class Employee
{
    /// <summary>Maximum length of a presence note.</summary>
    public const int MaxNoteLength = 140;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Given (first) name.</summary>
    public required string GivenName { get; set; }

    /// <summary>Family (last) name.</summary>
    public required string FamilyName { get; set; }

    /// <summary>How the name is shown; defaults to "Given Family".</summary>
    public required string DisplayName { get; set; }

    /// <summary>Job title.</summary>
    public required string Title { get; set; }

    /// <summary>The department this employee belongs to.</summary>
    public int DepartmentId { get; set; }

    /// <summary>Navigation to <see cref="DepartmentId"/>.</summary>
    public Department? Department { get; set; }

    /// <summary>Unique (case-insensitively, through <see cref="NormalizedEmail"/>).</summary>
    public required string Email { get; set; }

    /// <summary>Upper-invariant email: the unique index, identical on every provider.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>Phone number as typed; empty when unknown.</summary>
    public string Phone { get; set; } = "";

    /// <summary>Office or site; empty when unknown.</summary>
    public string Location { get; set; } = "";

    /// <summary>In or Out.</summary>
    public PresenceStatus Presence { get; set; }

    /// <summary>Optional note shown with the status, at most <see cref="MaxNoteLength"/> characters.</summary>
    public string? PresenceNote { get; set; }

    /// <summary>When the status last changed; null if never.</summary>
    public DateTimeOffset? PresenceChangedAt { get; set; }

    /// <summary>Who last changed the status.</summary>
    public string? PresenceChangedBy { get; set; }

    /// <summary>When the status ends by itself and reverts (UTC); null when it lasts until changed.</summary>
    public DateTimeOffset? PresenceUntil { get; set; }

    /// <summary>
    /// Raised by one with every presence change, in the same UPDATE: the presence's stamp (a write may name the
    /// stamp it replaces) and the version that orders its cache patches.
    /// </summary>
    public long PresenceVersion { get; set; }

    /// <summary>Raised by one with every profile save: the version that orders the roster's cache patches.</summary>
    public long ProfileVersion { get; set; }

    /// <summary>
    /// Optimistic concurrency token for profile edits, set by the application on every profile save
    /// (so it works identically on SQLite, which has no rowversion, and SQL Server).
    /// </summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
