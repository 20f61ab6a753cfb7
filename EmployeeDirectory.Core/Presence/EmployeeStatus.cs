namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The fast-changing half of an employee, cached under the Status policy (<c>employee:{id}:status</c>).
/// </summary>
public sealed record EmployeeStatus(
    int EmployeeId,
    PresenceStatus Presence,
    string? Note,
    DateTimeOffset? ChangedAt,
    string? ChangedBy);
