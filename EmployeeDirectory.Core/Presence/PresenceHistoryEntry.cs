namespace EmployeeDirectory.Core.Presence;

/// <summary>One presence change as the history shows it, newest first.</summary>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Note">The note set with it.</param>
/// <param name="Until">When the new status was set to end by itself.</param>
/// <param name="At">When it changed.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Source">Pages, API or expiry.</param>
public sealed record PresenceHistoryEntry(
    PresenceStatus From,
    PresenceStatus To,
    string? Note,
    DateTimeOffset? Until,
    DateTimeOffset At,
    string? By,
    PresenceSource Source);
