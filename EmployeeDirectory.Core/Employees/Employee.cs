using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Employees;

/// <summary>An employee row (entity). Only Core's data layer and services see this type.</summary>
public sealed class Employee
{
    /// <summary>Maximum length of a presence note.</summary>
    public const int MaxNoteLength = 140;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    /// <summary>How the name is shown; defaults to "Given Family".</summary>
    public required string DisplayName { get; set; }

    public required string Title { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>Unique (case-insensitively, through <see cref="NormalizedEmail"/>).</summary>
    public required string Email { get; set; }

    /// <summary>Upper-invariant email: the unique index, identical on every provider.</summary>
    public required string NormalizedEmail { get; set; }

    public string Phone { get; set; } = "";

    public string Location { get; set; } = "";

    public PresenceStatus Presence { get; set; }

    /// <summary>Optional note shown with the status, at most <see cref="MaxNoteLength"/> characters.</summary>
    public string? PresenceNote { get; set; }

    public DateTimeOffset? PresenceChangedAt { get; set; }

    public string? PresenceChangedBy { get; set; }

    /// <summary>
    /// Optimistic concurrency token for profile edits, set by the application on every profile save
    /// (so it works identically on SQLite, which has no rowversion, and SQL Server).
    /// </summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
