using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>
/// What a change means for an open page: the feed reads it typed from the invalidation, and the impact rules say
/// whether a page of a query can take it as a row patch or must run its query again.
/// </summary>
public sealed class DirectoryChangeImpactTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);
    private static readonly RosterEntry Ada = new(42, "Ada", "Lovelace", "Ada Lovelace", "Analyst", "Research", "ada@example.com", "London");

    [Fact]
    public void TheFeedReadsAStatusWriteAsTheNewStatusOfThatEmployee()
    {
        var saved = new EmployeeStatus(42, PresenceStatus.In, "back", Now, "ada@example.com", 8);

        var change = DirectoryChangeFeed.Read(DirectoryCacheContract.PresenceChanged(saved));

        Assert.Equal([new StatusChange(42, saved)], change!.Statuses);
        Assert.Empty(change.Profiles);
    }

    [Fact]
    public void TheFeedReadsAProfileEditAsTheFieldsBeforeAndAfter()
    {
        var after = Ada with { Title = "Chief Analyst" };

        var change = DirectoryChangeFeed.Read(DirectoryCacheContract.ProfileChanged(after, 4, Ada));

        Assert.Equal([new ProfileChange(42, after, Ada)], change!.Profiles);
        Assert.Empty(change.Statuses);
    }

    [Fact]
    public void AStatusWriteWithoutItsSuccessorStillNamesTheEmployee()
    {
        var change = DirectoryChangeFeed.Read(DirectoryCacheContract.PresenceChanged(42, 8, PresenceStatus.In));

        Assert.Equal([new StatusChange(42, null)], change!.Statuses);
    }

    [Fact]
    public void ATitleEditMovesOnlyTheTitleAndTheSearchText()
    {
        var movement = ProfileMovement.Of(new ProfileChange(42, Ada with { Title = "Chief Analyst" }, Ada));

        Assert.Equal((false, true, false, false, true), (movement.Name, movement.Title, movement.Department, movement.Location, movement.SearchText));
        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery(), movement));
        Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Sort = DirectorySort.TitleDescending }, movement));
        Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Text = "ana" }, movement));
        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Department = "Research" }, movement));
    }

    [Fact]
    public void APhoneOnlyEditMovesNothingAPageShows()
    {
        var movement = ProfileMovement.Of(new ProfileChange(42, Ada, Ada));

        Assert.True(movement.None);
        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Text = "ada", Department = "Research", Sort = DirectorySort.Location }, movement));
    }

    [Fact]
    public void ARenameReordersEveryPageWhateverItsSort()
    {
        var movement = ProfileMovement.Of(new ProfileChange(42, Ada with { FamilyName = "Byron" }, Ada));

        Assert.All(Enum.GetValues<DirectorySort>(), sort => Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Sort = sort }, movement)));
    }

    [Fact]
    public void AMoveBetweenDepartmentsTouchesOnlyPagesFilteredByOneOfThem()
    {
        var movement = ProfileMovement.Of(new ProfileChange(42, Ada with { Department = "Finance" }, Ada));

        Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Department = "research" }, movement));
        Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Department = "Finance" }, movement));
        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Department = "Sales" }, movement));
    }

    [Fact]
    public void AChangeWhoseFieldsAreUnknownMayMoveAnything()
    {
        var movement = ProfileMovement.Of(new ProfileChange(42, null, null));

        Assert.False(movement.None);
        Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery(), movement));
    }

    [Fact]
    public void AStatusChangeReordersOnlyAPageFilteredByStatusThatItLeavesOrMayEnter()
    {
        var nowIn = new EmployeeStatus(42, PresenceStatus.In, null, Now, "x", 3);
        var inPage = new DirectoryQuery { Status = PresenceStatus.In };

        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery(), shown: false, nowIn, Now));
        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery(), shown: true, null, Now));
        Assert.False(DirectoryChangeImpact.MayReorder(inPage, shown: true, nowIn, Now));
        Assert.True(DirectoryChangeImpact.MayReorder(inPage, shown: true, nowIn with { Presence = PresenceStatus.Out }, Now));
        Assert.True(DirectoryChangeImpact.MayReorder(inPage, shown: false, nowIn, Now));
        Assert.True(DirectoryChangeImpact.MayReorder(inPage, shown: true, null, Now));
    }

    [Fact]
    public void AStatusIsJudgedAsItHoldsNowSoAPassedBackAtTimeCounts()
    {
        var backAtTen = new EmployeeStatus(42, PresenceStatus.Out, "dentist", Now.AddHours(-1), "x", 3, Until: Now);

        Assert.False(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Status = PresenceStatus.In }, shown: true, backAtTen, Now));
        Assert.True(DirectoryChangeImpact.MayReorder(new DirectoryQuery { Status = PresenceStatus.Out }, shown: true, backAtTen, Now));
    }
}
