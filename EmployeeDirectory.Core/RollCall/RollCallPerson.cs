using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.RollCall;

/// <summary>One person on a roll call list: enough to find and call them.</summary>
/// <param name="Id">Employee id.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="Title">Their job title.</param>
/// <param name="Presence">In or Out at the moment of the roll call.</param>
/// <param name="Until">When that status ends by itself, if it does.</param>
public sealed record RollCallPerson(int Id, string DisplayName, string Title, PresenceStatus Presence, DateTimeOffset? Until);
