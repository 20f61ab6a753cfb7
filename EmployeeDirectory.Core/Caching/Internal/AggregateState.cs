using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>
/// One aggregate as this server holds it (the value of its L1 entry): an immutable snapshot readers take,
/// the version each member was read at, and the aggregate's version. Patches replace the snapshot under a
/// lock; the highest member version wins, so an older patch arriving late changes nothing. Members the codec cannot
/// use (<see cref="ICacheAggregateCodec{T}.ProblemOf"/>: Redis and the channel are trusted less than the database)
/// are skipped and logged, loaded or patched.
/// </summary>
internal sealed partial class AggregateState<T> : IAggregateState
    where T : class
{
    // What a member's version costs in the dictionary beside the snapshot: key, value, hash code and next index.
    private const long BytesPerMember = 24;

    private readonly Lock _gate = new();
    private readonly ICacheAggregateCodec<T> _codec;
    private readonly string _key;
    private readonly ILogger _logger;
    private readonly Dictionary<int, long> _memberVersions;
    private T _snapshot;
    private int _refreshing;

    public AggregateState(ICacheAggregateCodec<T> codec, IReadOnlyList<AggregateMember> members, AggregateVersion? version, string key, ILogger logger)
    {
        _codec = codec;
        _key = key;
        _logger = logger;
        members = Usable(members);
        var started = Stopwatch.GetTimestamp();
        _snapshot = codec.Build(members);
        BuildTime = Stopwatch.GetElapsedTime(started);
        _memberVersions = new Dictionary<int, long>(members.Count);
        foreach (var member in members)
        {
            _memberVersions[member.Id] = Math.Max(member.Version, _memberVersions.GetValueOrDefault(member.Id, long.MinValue));
        }

        Version = version;
    }

    /// <summary>What readers see.</summary>
    public T Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The aggregate's version this copy has every patch up to; null when it was loaded without Redis.</summary>
    public AggregateVersion? Version { get; private set; }

    /// <summary>True once this copy has seen a version it cannot account for: it keeps serving until a reload replaces it.</summary>
    public bool Gapped { get; private set; }

    /// <summary>Next time (UTC ticks) a reader should check Redis's version against this copy's.</summary>
    public long CheckDueTicks { get; set; }

    /// <summary>Set while a check or reload of this copy is under way, so they start one at a time.</summary>
    public bool TryStartRefresh() => Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0;

    public void EndRefresh() => Volatile.Write(ref _refreshing, 0);

    /// <summary>How long the codec took to build the first snapshot from the loaded members.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>How many members the copy holds (the loaded ones, and any a patch added since).</summary>
    public int MemberCount => _memberVersions.Count;

    public long Size => _codec.SizeOf(Snapshot) + (MemberCount * BytesPerMember);

    /// <summary>Adopts the version Redis gave the copy when it was written back.</summary>
    public void Versioned(AggregateVersion version)
    {
        lock (_gate)
        {
            Version = version;
        }
    }

    /// <summary>
    /// Applies members that are newer than this copy's. With <paramref name="version"/> (a patch from Redis) the
    /// copy's version moves on when it is the next one, and a version it skipped marks the copy gapped.
    /// Returns true when the copy now needs a reload.
    /// </summary>
    public bool Apply(IReadOnlyList<AggregateMember> members, AggregateVersion? version)
    {
        members = Usable(members);
        lock (_gate)
        {
            var snapshot = _snapshot;
            foreach (var member in members)
            {
                if (!_memberVersions.TryGetValue(member.Id, out var held) || held < member.Version)
                {
                    snapshot = _codec.Apply(snapshot, member);
                    _memberVersions[member.Id] = member.Version;
                }
            }

            Volatile.Write(ref _snapshot, snapshot);
            if (version is { } next && Version is { } current)
            {
                if (next.Epoch != current.Epoch || next.Count > current.Count + 1)
                {
                    Gapped = true;
                }

                if (next.Epoch == current.Epoch && next.Count > current.Count)
                {
                    Version = next;
                }
            }

            return Gapped;
        }
    }

    /// <summary><paramref name="members"/> without those the codec cannot use, which are logged (the first, and how many).</summary>
    private IReadOnlyList<AggregateMember> Usable(IReadOnlyList<AggregateMember> members)
    {
        List<AggregateMember>? usable = null;
        var skipped = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (_codec.ProblemOf(members[i]) is { } problem)
            {
                if (skipped++ == 0)
                {
                    usable = [.. members.Take(i)];
                    Log.Unreadable(_logger, _key, members[i].Id, problem);
                }
            }
            else
            {
                usable?.Add(members[i]);
            }
        }

        if (skipped > 1)
        {
            Log.UnreadableCount(_logger, _key, skipped);
        }

        return usable ?? members;
    }

    /// <summary>True when Redis's <paramref name="redisVersion"/> shows patches this copy has not had.</summary>
    public bool IsBehind(AggregateVersion? redisVersion) =>
        Gapped || Version is not { } current || redisVersion is not { } latest || latest.Epoch != current.Epoch || latest.Count > current.Count;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1226, Level = LogLevel.Warning, Message = "Skipped member {MemberId} of {Key} read from Redis or the invalidation channel: {Problem}")]
        public static partial void Unreadable(ILogger logger, string key, int memberId, string problem);

        [LoggerMessage(EventId = 1228, Level = LogLevel.Warning, Message = "Skipped {Count} unreadable members of {Key} in all")]
        public static partial void UnreadableCount(ILogger logger, string key, int count);
    }
}
