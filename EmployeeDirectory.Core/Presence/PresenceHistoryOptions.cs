using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Core.Presence;

/// <summary>The status history's settings (section <c>PresenceHistory</c>), validated at start-up.</summary>
public sealed class PresenceHistoryOptions
{
    /// <summary>Configuration section the options bind to.</summary>
    public const string SectionName = "PresenceHistory";

    /// <summary>Changes older than this many days are deleted (checked at start-up and every few hours); 90 by default.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
