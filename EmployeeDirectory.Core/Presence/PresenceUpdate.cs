namespace EmployeeDirectory.Core.Presence;

/// <summary>A status change: In or Out with an optional note (at most 140 characters).</summary>
public sealed record PresenceUpdate(PresenceStatus Status, string? Note);
