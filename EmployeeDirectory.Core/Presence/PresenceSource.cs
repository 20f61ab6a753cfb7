using System.Text.Json.Serialization;

namespace EmployeeDirectory.Core.Presence;

/// <summary>Where a presence change came from, as the status history records it.</summary>
public enum PresenceSource
{
    /// <summary>Someone used the directory's pages.</summary>
    [JsonStringEnumMemberName("UI")]
    Ui = 0,

    /// <summary>A caller of the JSON API (a script, a badge reader).</summary>
    [JsonStringEnumMemberName("API")]
    Api = 1,

    /// <summary>A back-at time passed and the status reverted by itself.</summary>
    [JsonStringEnumMemberName("expiry")]
    Expiry = 2,
}
