namespace EmployeeDirectory.Core.Presence;

/// <summary>When one member's status ends by itself, and the presence version it was stored at.</summary>
/// <param name="Until">The back-at time.</param>
/// <param name="Version">The presence version of the status that ends (a normalising write names it).</param>
public readonly record struct PresenceEnd(DateTimeOffset Until, long Version);
