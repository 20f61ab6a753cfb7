using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Presence;

/// <summary>The presence aggregate's snapshot and its members' payloads: back-at times revert statuses with no write.</summary>
public sealed class PresenceRosterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ICacheAggregateCodec<PresenceRoster> Codec = DirectoryCacheContract.Presence.Codec;

    [Fact]
    public void MembersCarryTheStatusAndTheBackAtTimeInUnixMilliseconds()
    {
        var until = Now.AddHours(3);

        Assert.Equal("I", DirectoryCacheContract.PresenceChanged(7, 4, PresenceStatus.In).Patches[0].Member.Payload);
        Assert.Equal("O", DirectoryCacheContract.PresenceChanged(7, 4, PresenceStatus.Out).Patches[0].Member.Payload);
        Assert.Equal($"O|{until.ToUnixTimeMilliseconds()}", DirectoryCacheContract.PresenceChanged(7, 4, PresenceStatus.Out, until).Patches[0].Member.Payload);
    }

    [Fact]
    public void AStatusRevertsTheMomentItsBackAtTimePassesWithoutANewSnapshot()
    {
        var roster = Codec.Build([new AggregateMember(1, 5, $"O|{Now.AddMinutes(10).ToUnixTimeMilliseconds()}"), new AggregateMember(2, 3, "I"), new AggregateMember(3, 9, $"I|{Now.AddMinutes(20).ToUnixTimeMilliseconds()}")]);

        Assert.Equal(PresenceStatus.Out, roster.StatusOf(1, Now));
        Assert.Equal(PresenceStatus.In, roster.StatusOf(3, Now));
        Assert.Equal(2, roster.AsOf(Now).InCount);
        Assert.Same(roster, roster.AsOf(Now));
        Assert.Equal(Now.AddMinutes(10), roster.NextEnd);

        var afterFirst = roster.AsOf(Now.AddMinutes(10));
        Assert.Equal(PresenceStatus.In, afterFirst.StatusOf(1));
        Assert.Equal(PresenceStatus.In, afterFirst.StatusOf(3));
        Assert.Equal(3, afterFirst.InCount);
        Assert.Equal(Now.AddMinutes(20), afterFirst.NextEnd);
        Assert.Same(afterFirst, roster.AsOf(Now.AddMinutes(15)));

        var afterBoth = roster.AsOf(Now.AddMinutes(25));
        Assert.Equal(PresenceStatus.Out, afterBoth.StatusOf(3));
        Assert.Null(afterBoth.NextEnd);
        Assert.Empty(afterBoth.Ends);

        // The snapshot itself is immutable: it still holds both ends, with the versions a normalising write names.
        Assert.Equal(new PresenceEnd(Now.AddMinutes(10), 5), roster.Ends[1]);
        Assert.Equal(PresenceStatus.Out, roster.StatusOf(1));
    }

    [Fact]
    public void APatchSetsOrClearsAMembersEndAndTheHigherVersionWins()
    {
        var roster = Codec.Build([new AggregateMember(1, 5, "I")]);

        var patched = Codec.Apply(roster, DirectoryCacheContract.PresenceChanged(1, 6, PresenceStatus.Out, Now.AddHours(1)).Patches[0].Member);
        Assert.Equal(PresenceStatus.Out, patched.StatusOf(1, Now));
        Assert.Equal(Now.AddHours(1), patched.EndOf(1));
        Assert.Equal(PresenceStatus.In, patched.StatusOf(1, Now.AddHours(1)));

        var normalised = Codec.Apply(patched, DirectoryCacheContract.PresenceChanged(1, 7, PresenceStatus.In).Patches[0].Member);
        Assert.Null(normalised.EndOf(1));
        Assert.Null(normalised.NextEnd);
        Assert.Equal(PresenceStatus.In, normalised.StatusOf(1, Now));
    }

    [Fact]
    public void MovingOrClearingABackAtTimeKeepsTheNextEndAndThePassedOnesInTimeOrder()
    {
        var roster = new PresenceRoster([1, 2, 3])
            .With(1, PresenceStatus.Out, Now.AddMinutes(30), 1)
            .With(2, PresenceStatus.Out, Now.AddMinutes(10), 1)
            .With(3, PresenceStatus.Out, Now.AddMinutes(10), 1);
        Assert.Equal(Now.AddMinutes(10), roster.NextEnd);
        Assert.Equal([2, 3], roster.EndedBy(Now.AddMinutes(10)).Select(pair => pair.Key));
        Assert.Empty(roster.EndedBy(Now));

        var moved = roster.With(2, PresenceStatus.Out, Now.AddMinutes(40), 2);
        Assert.Equal([3, 1, 2], moved.EndedBy(Now.AddHours(1)).Select(pair => pair.Key));
        Assert.Equal(new PresenceEnd(Now.AddMinutes(40), 2), moved.EndedBy(Now.AddHours(1)).Last().Value);

        var cleared = moved.With(3, PresenceStatus.Out);
        Assert.Equal(Now.AddMinutes(30), cleared.NextEnd);
        Assert.Equal(1, cleared.AsOf(Now.AddMinutes(35)).InCount);
        Assert.Equal(Now.AddMinutes(40), cleared.AsOf(Now.AddMinutes(35)).NextEnd);
        Assert.Equal(2, cleared.AsOf(Now.AddMinutes(45)).InCount);
        Assert.Null(cleared.AsOf(Now.AddMinutes(45)).NextEnd);

        // Earlier snapshots are untouched by the patches made from them.
        Assert.Equal(Now.AddMinutes(10), roster.NextEnd);
        Assert.Equal([2, 3, 1], roster.EndedBy(Now.AddHours(1)).Select(pair => pair.Key));
    }

    [Fact]
    public void AStatusAsOfAMomentRevertsOnceItsEndHasPassedAndDropsTheNote()
    {
        var status = new EmployeeStatus(1, PresenceStatus.Out, "dentist", Now.AddHours(-1), "ada@example.com", 4, Now.AddHours(1));

        Assert.Same(status, status.AsOf(Now));
        var reverted = status.AsOf(Now.AddHours(1));
        Assert.Equal(PresenceStatus.In, reverted.Presence);
        Assert.Null(reverted.Note);
        Assert.Null(reverted.Until);
        Assert.Equal(Now.AddHours(1), reverted.ChangedAt);
        Assert.Equal(4, reverted.Stamp);
    }
}
