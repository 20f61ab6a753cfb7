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
/// <param name="Until">
/// When the status ends by itself ("Out, back at 15:00"): from then on the employee has the other status
/// (<see cref="AsOf"/>); null when it lasts until changed.
/// </param>
public sealed record EmployeeStatus(
    int EmployeeId,
    PresenceStatus Presence,
    string? Note,
    DateTimeOffset? ChangedAt,
    string? ChangedBy,
    long Stamp = 0,
    DateTimeOffset? Until = null)
{
    /// <summary>The status that holds at <paramref name="now"/>: this one, or once <see cref="Until"/> has passed the other one, without note or end.</summary>
    public EmployeeStatus AsOf(DateTimeOffset now) =>
        Until is { } until && until <= now
            ? this with { Presence = Presence.Reverted(), Note = null, ChangedAt = until, Until = null }
            : this;
}
