using System.Text;
using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Caching.Internal;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Caching;

/// <summary>
/// An invalidation travels typed, from the write through the outbox and the channel to every server's listeners:
/// families by template, the status key's new value and the roster member's previous value included.
/// </summary>
public sealed class TypedInvalidationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 8, 9, 30, 0, TimeSpan.Zero);

    private static EmployeeStatus Saved => new(42, PresenceStatus.Out, "dentist", At, "ada@example.com", Stamp: 7, Until: At.AddHours(2));

    [Fact]
    public void AStatusChangeCarriesTheWholeNewStatusAsItsKeysSuccessor()
    {
        var invalidation = DirectoryCacheContract.PresenceChanged(Saved);

        var drop = Assert.Single(invalidation.Drops, d => d.Family == DirectoryCacheContract.EmployeeStatus);
        Assert.Equal(42, drop.Id);
        Assert.Equal(Saved, DirectoryCacheContract.EmployeeStatus.SuccessorOf(drop));
        Assert.Null(invalidation.Drops.Single(d => d.Family == DirectoryCacheContract.RollCall).Successor);
        Assert.Equal(7, Assert.Single(invalidation.Patches).Member.Version);
    }

    [Fact]
    public void TheOutboxFormKeepsSuccessorsAndPreviousValues()
    {
        var before = new RosterEntry(42, "Ada", "Lovelace", "Ada Lovelace", "Analyst", "Research", "ada@example.com", "London");
        var invalidation = new CacheInvalidation(
            DirectoryCacheContract.PresenceChanged(Saved).Drops,
            DirectoryCacheContract.ProfileChanged(before with { Title = "Chief Analyst" }, 3, before).Patches);

        var read = DirectoryCacheContract.Contract.Deserialize(CacheContract.Serialize(invalidation));

        Assert.Equal(invalidation.Drops, read.Drops);
        Assert.Equal(invalidation.Patches, read.Patches);
        Assert.NotNull(read.Patches[0].Previous);
    }

    [Fact]
    public void AnOutboxRecordWrittenBeforeSuccessorsExistedIsStillRead()
    {
        const string stored = """{"d":[["employee:{id}:status",42]],"p":[["directory:presence",42,7,"O"]]}""";

        var read = DirectoryCacheContract.Contract.Deserialize(stored);

        Assert.Null(Assert.Single(read.Drops).Successor);
        Assert.Null(Assert.Single(read.Patches).Previous);
    }

    [Fact]
    public void TheChannelMessageCarriesTheInvalidationTypedWithTheSendersGeneration()
    {
        var sent = new InvalidationMessage("server-a", 12, 3, DirectoryCacheContract.PresenceChanged(Saved));

        var heard = InvalidationMessage.Parse(Encoding.UTF8.GetBytes(sent.ToJson()), DirectoryCacheContract.Contract);

        Assert.NotNull(heard);
        Assert.Equal(("server-a", 12L, 3L), (heard.Origin, heard.Intent, heard.Generation));
        Assert.Equal(sent.Invalidation.Drops, heard.Invalidation.Drops);
        Assert.Equal(sent.Invalidation.Patches, heard.Invalidation.Patches);
        Assert.Null(heard.Announced);
    }

    [Fact]
    public void TheInvalidationScriptsAppendedVersionsAreRead()
    {
        var json = new InvalidationMessage("server-a", 0, 0, DirectoryCacheContract.PresenceChanged(Saved)).ToJson();
        // What the invalidation script publishes: the message with the aggregates' new versions appended.
        var published = json[..^1] + ""","s":["abc:5"]}""";

        var heard = InvalidationMessage.Parse(Encoding.UTF8.GetBytes(published), DirectoryCacheContract.Contract);

        Assert.Equal(["abc:5"], heard!.Versions);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"o":"x","i":1,"n":0,"v":{"d":[["no:such:{id}",1]],"p":[]}}""")]
    [InlineData("""{"o":"x","i":1,"n":0,"v":{"d":[["employee:{id}:status"]],"p":[]}}""")]
    [InlineData("""{"o":"x","i":1}""")]
    public void AMessageThatIsNotOneIsIgnored(string payload) =>
        Assert.Null(InvalidationMessage.Parse(Encoding.UTF8.GetBytes(payload), DirectoryCacheContract.Contract));

    [Fact]
    public void AGenerationAnnouncementIsAMessageOfItsOwn()
    {
        var heard = InvalidationMessage.Parse(Encoding.UTF8.GetBytes(InvalidationMessage.Announcement("server-b", 9).ToJson()), DirectoryCacheContract.Contract);

        Assert.Equal(9, heard!.Announced);
    }
}
