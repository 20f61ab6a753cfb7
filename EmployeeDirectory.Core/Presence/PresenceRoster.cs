using System.Text.Json.Serialization;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// The status-derived aggregate, cached under the Status policy (<c>directory:presence</c>): who is In
/// right now. The In/Out filter reads it; every presence change invalidates it.
/// </summary>
public sealed class PresenceRoster
{
    private readonly Lazy<HashSet<int>> _in;

    /// <summary>A snapshot in which exactly <paramref name="inIds"/> are In.</summary>
    [JsonConstructor]
    public PresenceRoster(IReadOnlyList<int> inIds)
    {
        InIds = inIds;
        _in = new Lazy<HashSet<int>>(() => [.. inIds]);
    }

    /// <summary>Ids of employees who are In.</summary>
    public IReadOnlyList<int> InIds { get; }

    /// <summary>The presence of one employee according to this snapshot.</summary>
    public PresenceStatus StatusOf(int employeeId) => _in.Value.Contains(employeeId) ? PresenceStatus.In : PresenceStatus.Out;
}
