namespace EmployeeDirectory.Core.Presence;

/// <summary>A status change: In or Out with an optional note (at most 140 characters) and an optional end.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Note">The note shown with it; blank for none.</param>
/// <param name="ExpectedStamp">
/// The <see cref="EmployeeStatus.Stamp"/> the change replaces: when someone changed the status since, the change
/// is refused as a conflict instead of silently undoing theirs. Null writes blindly (a badge reader).
/// </param>
/// <param name="Until">
/// When the status ends by itself and reverts ("Out, back at 15:00" becomes In then): in the future, at most
/// <see cref="MaxAhead"/> ahead. Null for a status that lasts until changed.
/// </param>
/// <param name="Source">Where the change comes from, for the status history.</param>
public sealed record PresenceUpdate(
    PresenceStatus Status,
    string? Note,
    long? ExpectedStamp = null,
    DateTimeOffset? Until = null,
    PresenceSource Source = PresenceSource.Ui)
{
    /// <summary>How far ahead a back-at time may be.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(7);
}
