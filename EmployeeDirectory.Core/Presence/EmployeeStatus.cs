namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The fast-changing half of an employee, cached under the Status policy (<c>employee:{id}:status</c>).
/// </summary>
/// <param name="EmployeeId">Whose status.</param>
/// <param name="Presence">In or Out.</param>
/// <param name="Note">The note shown with it, if any.</param>
/// <param name="ChangedAt">When it last changed; null if never.</param>
/// <param name="ChangedBy">Who last changed it.</param>
/// <param name="Stamp">Changes with every presence change: a write may name the stamp it replaces.</param>
public sealed record EmployeeStatus(
    int EmployeeId,
    PresenceStatus Presence,
    string? Note,
    DateTimeOffset? ChangedAt,
    string? ChangedBy,
    long Stamp = 0);
