namespace EmployeeDirectory.Core.Presence;

/// <summary>Who sees the personal side of a status (section <c>Privacy</c>).</summary>
public sealed class StatusPrivacyOptions
{
    /// <summary>Configuration section the options bind to.</summary>
    public const string SectionName = "Privacy";

    /// <summary>
    /// When true, everyone signed in sees the notes in anyone's status history and who changed anyone's status.
    /// False (the default): only the person themself and admins do; everyone else sees In/Out, when, back-at times
    /// and the current note.
    /// </summary>
    public bool ShowStatusHistoryToEveryone { get; set; }
}
