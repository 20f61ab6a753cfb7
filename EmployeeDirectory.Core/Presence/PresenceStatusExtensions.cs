namespace EmployeeDirectory.Core.Presence;

/// <summary>What a status becomes when its back-at time passes.</summary>
public static class PresenceStatusExtensions
{
    /// <summary>Out reverts to In, In reverts to Out.</summary>
    public static PresenceStatus Reverted(this PresenceStatus status) =>
        status == PresenceStatus.In ? PresenceStatus.Out : PresenceStatus.In;
}
