namespace EmployeeDirectory.Core.Presence;

/// <summary>A status change: In or Out with an optional note (at most 140 characters).</summary>
/// <param name="Status">The new status.</param>
/// <param name="Note">The note shown with it; blank for none.</param>
/// <param name="ExpectedStamp">
/// The <see cref="EmployeeStatus.Stamp"/> the change replaces: when someone changed the status since, the change
/// is refused as a conflict instead of silently undoing theirs. Null writes blindly (a badge reader).
/// </param>
public sealed record PresenceUpdate(PresenceStatus Status, string? Note, long? ExpectedStamp = null);
