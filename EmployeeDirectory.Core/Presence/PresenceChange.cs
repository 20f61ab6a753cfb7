namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// One row of the status history (entity): a presence change, written in the same transaction as the change.
/// Only Core's data layer and the history service see this type.
/// </summary>
public sealed class PresenceChange
{
    /// <summary>Database identity; increases with every change, so it orders them.</summary>
    public long Id { get; set; }

    /// <summary>Whose status changed.</summary>
    public int EmployeeId { get; set; }

    /// <summary>The status before the change (as it held at that moment).</summary>
    public PresenceStatus From { get; set; }

    /// <summary>The status after it.</summary>
    public PresenceStatus To { get; set; }

    /// <summary>The note set with it, if any.</summary>
    public string? Note { get; set; }

    /// <summary>When the new status was set to end by itself (UTC), if it was.</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>When the change happened (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who made it: an account's email, <c>api-key:{name}</c>, or for an expiry whoever set the back-at time.</summary>
    public string? By { get; set; }

    /// <summary>Where it came from.</summary>
    public PresenceSource Source { get; set; }
}
