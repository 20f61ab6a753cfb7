namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>Patches heard for an aggregate while it loads, applied to the loaded copy once it is in place.</summary>
internal sealed class PatchBuffer
{
    private readonly Lock _gate = new();
    private List<(IReadOnlyList<AggregateMember> Members, AggregateVersion? Version)> _patches = [];

    public void Add(IReadOnlyList<AggregateMember> members, AggregateVersion? version)
    {
        lock (_gate)
        {
            _patches.Add((members, version));
        }
    }

    public List<(IReadOnlyList<AggregateMember> Members, AggregateVersion? Version)> Drain()
    {
        lock (_gate)
        {
            var drained = _patches;
            _patches = [];
            return drained;
        }
    }
}
