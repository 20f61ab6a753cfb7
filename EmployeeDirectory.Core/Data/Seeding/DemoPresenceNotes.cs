using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>The short notes people leave with their status (each well under 140 characters).</summary>
internal static class DemoPresenceNotes
{
    public static IReadOnlyList<string> WhenIn { get; } =
    [
        "Desk 3.14 today",
        "In meetings until noon",
        "Leaving early at 4pm",
        "In the training room all afternoon",
        "Back from lunch at 1:30",
        "Hot-desking near the kitchen",
        "Interviewing candidates until 3pm",
        "Heads-down on a deadline, ping me on chat",
        "Visiting from another office this week",
        "Fire warden on duty today",
    ];

    public static IReadOnlyList<string> WhenOut { get; } =
    [
        "Back at 3pm",
        "Working from home today",
        "On vacation until Monday",
        "At a customer site",
        "Dentist appointment, back after lunch",
        "Travelling to another office",
        "Out sick",
        "At a conference this week",
        "On parental leave",
        "Offsite planning day",
        "Back tomorrow morning",
    ];

    /// <summary>The note that goes with a back-at time (the time itself is shown beside it).</summary>
    public static string ForBackAt(PresenceStatus presence) =>
        presence == PresenceStatus.Out ? "Out of the office" : "Leaving later today";
}
