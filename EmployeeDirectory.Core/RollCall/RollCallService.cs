using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Core.RollCall;

/// <summary>
/// Counts the roll call from the two aggregates every server already holds in memory (the roster for departments
/// and locations, the presence set for In/Out at this moment), so a miss costs no database query; the result is
/// cached with the Status policy and ends at the next back-at time it counted.
/// </summary>
internal sealed class RollCallService(DirectoryReader reader, TimeProvider timeProvider) : IRollCallService
{
    /// <summary>Where people without a location are counted.</summary>
    public const string NoLocation = "No location";

    public Task<RollCallSummary> GetRollCallAsync(CancellationToken cancellationToken = default) =>
        reader.RollCallAsync(CountAsync, cancellationToken);

    public async Task<IReadOnlyList<RollCallPerson>> GetPeopleAsync(RollCallGrouping grouping, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var roster = await reader.RosterAsync(cancellationToken).ConfigureAwait(false);
        var presence = await reader.PresenceAsync(cancellationToken).ConfigureAwait(false);
        return [.. roster.Employees
            .Where(e => string.Equals(GroupOf(e, grouping), name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.FamilyName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(e => e.GivenName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(e => e.Id)
            .Select(e => new RollCallPerson(e.Id, e.DisplayName, e.Title, presence.StatusOf(e.Id), presence.EndOf(e.Id)))];
    }

    private async Task<RollCallSummary?> CountAsync(CancellationToken cancellationToken)
    {
        var roster = await reader.RosterAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var presence = (await reader.PresenceSnapshotAsync(cancellationToken).ConfigureAwait(false)).AsOf(now);
        var departments = roster.Departments.ToDictionary(d => d.Name, _ => new Tally(), StringComparer.OrdinalIgnoreCase);
        var locations = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        var total = new Tally();
        foreach (var employee in roster.Employees)
        {
            var isIn = presence.StatusOf(employee.Id) == Presence.PresenceStatus.In;
            total.Count(isIn);
            if (!departments.TryGetValue(employee.Department, out var department))
            {
                departments[employee.Department] = department = new Tally();
            }

            department.Count(isIn);
            var location = GroupOf(employee, RollCallGrouping.Location);
            if (!locations.TryGetValue(location, out var place))
            {
                locations[location] = place = new Tally();
            }

            place.Count(isIn);
        }

        return new RollCallSummary(total.In + total.Out, total.In, total.Out, Groups(departments), Groups(locations), now, presence.NextEnd);
    }

    private static string GroupOf(RosterEntry employee, RollCallGrouping grouping) => grouping switch
    {
        RollCallGrouping.Department => employee.Department,
        _ => string.IsNullOrWhiteSpace(employee.Location) ? NoLocation : employee.Location,
    };

    private static List<RollCallGroup> Groups(Dictionary<string, Tally> tallies) =>
        [.. tallies.OrderBy(t => t.Key, StringComparer.InvariantCultureIgnoreCase).Select(t => new RollCallGroup(t.Key, t.Value.In, t.Value.Out))];

    private sealed class Tally
    {
        public int In { get; private set; }

        public int Out { get; private set; }

        public void Count(bool isIn)
        {
            if (isIn)
            {
                In++;
            }
            else
            {
                Out++;
            }
        }
    }
}
