using Bogus;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// A few days of status history for the demo roster, ending in each employee's current status: the change that
/// set it, and up to <see cref="MaxEarlierChanges"/> earlier ones, alternating, over the days before. Deterministic
/// for a seed; its own random sequence, so the roster is unchanged by it.
/// </summary>
internal static class DemoPresenceHistory
{
    /// <summary>Earlier changes per employee, at most (their count is drawn from 0 to this).</summary>
    public const int MaxEarlierChanges = 3;

    private const float ApiShare = 0.2f;
    private const float NoteShare = 0.3f;

    /// <summary>The history of one employee (<paramref name="employeeId"/> is their stored id), oldest first.</summary>
    public static IEnumerable<PresenceChange> Of(Employee employee, int employeeId, Randomizer random)
    {
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(random);
        var changedAt = employee.PresenceChangedAt ?? DateTimeOffset.UtcNow;
        var earlier = random.Int(0, MaxEarlierChanges);
        var moments = new DateTimeOffset[earlier];
        var at = changedAt;
        for (var i = earlier - 1; i >= 0; i--)
        {
            at = at.AddMinutes(-random.Int(90, 20 * 60));
            moments[i] = at;
        }

        // Alternating back from the current status: the status before the latest change was the other one.
        var status = earlier % 2 == 0 ? employee.Presence.Reverted() : employee.Presence;
        foreach (var moment in moments)
        {
            var next = status.Reverted();
            var notes = next == PresenceStatus.In ? DemoPresenceNotes.WhenIn : DemoPresenceNotes.WhenOut;
            yield return new PresenceChange
            {
                EmployeeId = employeeId,
                From = status,
                To = next,
                Note = random.Bool(NoteShare) ? notes[random.Int(0, notes.Count - 1)] : null,
                At = moment,
                By = employee.Email,
                Source = random.Bool(ApiShare) ? PresenceSource.Api : PresenceSource.Ui,
            };
            status = next;
        }

        yield return new PresenceChange
        {
            EmployeeId = employeeId,
            From = employee.Presence.Reverted(),
            To = employee.Presence,
            Note = employee.PresenceNote,
            Until = employee.PresenceUntil,
            At = changedAt,
            By = employee.PresenceChangedBy,
            Source = employee.PresenceChangedBy == DemoRosterGenerator.ReceptionAccount ? PresenceSource.Ui : random.Bool(ApiShare) ? PresenceSource.Api : PresenceSource.Ui,
        };
    }
}
