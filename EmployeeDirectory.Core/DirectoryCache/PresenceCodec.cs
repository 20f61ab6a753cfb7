using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// The presence aggregate's members: one per employee (id, presence version, <c>I</c> or <c>O</c>). Readers get
/// a <see cref="PresenceRoster"/>; a status change patches one member.
/// </summary>
internal sealed class PresenceCodec : ICacheAggregateCodec<PresenceRoster>
{
    private const string In = "I";
    private const string Out = "O";

    public static AggregateMember Member(int employeeId, long presenceVersion, PresenceStatus presence) =>
        new(employeeId, presenceVersion, presence == PresenceStatus.In ? In : Out);

    public PresenceRoster Build(IReadOnlyList<AggregateMember> members) =>
        new([.. members.Where(member => member.Id >= 0 && member.Payload == In).Select(member => member.Id)]);

    public PresenceRoster Apply(PresenceRoster current, AggregateMember member) =>
        member.Id < 0 ? current : current.With(member.Id, member.Payload == In ? PresenceStatus.In : PresenceStatus.Out);

    public long SizeOf(PresenceRoster value) => value.EstimatedBytes;
}
