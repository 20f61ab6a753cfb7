using System.Globalization;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.DirectoryCache;

/// <summary>
/// The presence aggregate's members: one per employee (id, presence version, <c>I</c> or <c>O</c>, and for a
/// status that ends by itself <c>|</c> and the back-at time in Unix milliseconds: <c>O|1764601200000</c>).
/// Readers get a <see cref="PresenceRoster"/>; a status change patches one member.
/// </summary>
internal sealed class PresenceCodec : ICacheAggregateCodec<PresenceRoster>
{
    private const string In = "I";
    private const string Out = "O";
    private const char EndSeparator = '|';

    // The back-at times DateTimeOffset can hold, in Unix milliseconds.
    private static readonly long MinEndMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxEndMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static AggregateMember Member(int employeeId, long presenceVersion, PresenceStatus presence, DateTimeOffset? until = null)
    {
        var status = presence == PresenceStatus.In ? In : Out;
        return new(employeeId, presenceVersion, until is { } end
            ? string.Create(CultureInfo.InvariantCulture, $"{status}{EndSeparator}{end.ToUnixTimeMilliseconds()}")
            : status);
    }

    public PresenceRoster Build(IReadOnlyList<AggregateMember> members)
    {
        var inIds = new List<int>();
        var ends = new Dictionary<int, PresenceEnd>();
        foreach (var member in members)
        {
            if (member.Id < 0 || !TryRead(member.Payload, out var status, out var until))
            {
                continue;
            }

            if (status == PresenceStatus.In)
            {
                inIds.Add(member.Id);
            }

            if (until is { } end)
            {
                ends[member.Id] = new PresenceEnd(end, member.Version);
            }
        }

        return new PresenceRoster(inIds, ends);
    }

    public PresenceRoster Apply(PresenceRoster current, AggregateMember member) =>
        member.Id < 0 || !TryRead(member.Payload, out var status, out var until) ? current : current.With(member.Id, status, until, member.Version);

    public long SizeOf(PresenceRoster value) => value.EstimatedBytes;

    public string? ProblemOf(AggregateMember member) =>
        member.Id < 0 || TryRead(member.Payload, out _, out _) ? null : "not I or O, with a back-at time in Unix milliseconds after a '|' if any";

    private static bool TryRead(string payload, out PresenceStatus status, out DateTimeOffset? until)
    {
        var separator = payload.IndexOf(EndSeparator, StringComparison.Ordinal);
        var head = separator < 0 ? payload.AsSpan() : payload.AsSpan(0, separator);
        status = head.SequenceEqual(In) ? PresenceStatus.In : PresenceStatus.Out;
        until = null;
        if (separator < 0)
        {
            return head.SequenceEqual(In) || head.SequenceEqual(Out);
        }

        if (!(head.SequenceEqual(In) || head.SequenceEqual(Out))
            || !long.TryParse(payload.AsSpan(separator + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            || ms < MinEndMs || ms > MaxEndMs)
        {
            return false;
        }

        until = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }
}
