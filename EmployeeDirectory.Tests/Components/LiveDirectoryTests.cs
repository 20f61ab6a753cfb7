using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Live;

namespace EmployeeDirectory.Tests.Components;

/// <summary>
/// The server's one dispatcher hands each change only to the views it can affect: those showing the employee, and
/// those whose query a change of that kind can reorder or refilter. Every other view hears nothing.
/// </summary>
public sealed class LiveDirectoryTests : IDisposable
{
    private static readonly RosterEntry Ada = new(42, "Ada", "Lovelace", "Ada Lovelace", "Analyst", "Research", "ada@example.com", "London");

    private readonly ManualFeed _feed = new();
    private readonly LiveDirectory _live;

    public LiveDirectoryTests() => _live = new LiveDirectory(_feed);

    public void Dispose() => _live.Dispose();

    [Fact]
    public void AStatusChangeReachesTheViewsShowingThatEmployeeAndThoseFilteredByStatus()
    {
        var showing = View(new LiveInterest(Query: new DirectoryQuery()), 42, 43);
        var other = View(new LiveInterest(Query: new DirectoryQuery()), 7);
        var filtered = View(LiveInterest.Of(new DirectoryQuery { Status = PresenceStatus.In }), 7);
        var rollCall = View(new LiveInterest(AllStatuses: true));

        _feed.Raise(DirectoryChangedEventArgs.OfStatuses([new StatusChange(42, null)]));

        Assert.Equal((1, 0, 1, 1), (showing.Heard, other.Heard, filtered.Heard, rollCall.Heard));
    }

    [Fact]
    public void ATitleEditReachesTheViewsShowingTheEmployeeThoseSortedByTitleAndThoseSearching()
    {
        var showing = View(LiveInterest.Of(new DirectoryQuery()), 42);
        var byName = View(LiveInterest.Of(new DirectoryQuery()), 7);
        var byTitle = View(LiveInterest.Of(new DirectoryQuery { Sort = DirectorySort.TitleDescending }), 7);
        var searching = View(LiveInterest.Of(new DirectoryQuery { Text = "analyst" }), 7);
        var byLocation = View(LiveInterest.Of(new DirectoryQuery { Sort = DirectorySort.Location }), 7);

        _feed.Raise(new DirectoryChangedEventArgs([], [new ProfileChange(42, Ada with { Title = "Chief Analyst" }, Ada)]));

        Assert.Equal((1, 0, 1, 1, 0), (showing.Heard, byName.Heard, byTitle.Heard, searching.Heard, byLocation.Heard));
    }

    [Fact]
    public void ARenameReachesEveryViewWithAQuery()
    {
        var views = Enum.GetValues<DirectorySort>().Select(sort => View(LiveInterest.Of(new DirectoryQuery { Sort = sort }), 7)).ToList();
        var employeePage = View(LiveInterest.ShownOnly, 9);

        _feed.Raise(new DirectoryChangedEventArgs([], [new ProfileChange(42, Ada with { FamilyName = "Byron" }, Ada)]));

        Assert.All(views, view => Assert.Equal(1, view.Heard));
        Assert.Equal(0, employeePage.Heard);
    }

    [Fact]
    public void ADepartmentMoveReachesOnlyTheViewsFilteredByTheDepartmentsItLeavesOrEnters()
    {
        var research = View(LiveInterest.Of(new DirectoryQuery { Department = "research" }), 7);
        var finance = View(LiveInterest.Of(new DirectoryQuery { Department = "Finance" }), 7);
        var sales = View(LiveInterest.Of(new DirectoryQuery { Department = "Sales" }), 7);

        _feed.Raise(new DirectoryChangedEventArgs([], [new ProfileChange(42, Ada with { Department = "Finance" }, Ada)]));

        Assert.Equal((1, 1, 0), (research.Heard, finance.Heard, sales.Heard));
    }

    [Fact]
    public void AViewHearsAboutTheEmployeesItShowsNowAndNotThoseItShowedBefore()
    {
        var view = View(LiveInterest.ShownOnly, 42);
        view.Registration.Update(LiveInterest.ShownOnly, [43]);

        _feed.Raise(DirectoryChangedEventArgs.OfStatuses([new StatusChange(42, null)]));
        _feed.Raise(DirectoryChangedEventArgs.OfStatuses([new StatusChange(43, null)]));

        Assert.Equal(1, view.Heard);
    }

    [Fact]
    public void AClosedViewHearsNothingAndAClearedCacheReachesEveryOpenOne()
    {
        var closed = View(LiveInterest.ShownOnly, 42);
        var open = View(LiveInterest.ShownOnly, 7);
        closed.Registration.Dispose();

        _feed.Raise(DirectoryChangedEventArgs.Cleared);
        _feed.Raise(DirectoryChangedEventArgs.OfStatuses([new StatusChange(42, null)]));

        Assert.Equal((0, 1), (closed.Heard, open.Heard));
        Assert.Equal(1, _live.Count);
    }

    private RecordingView View(LiveInterest interest, params int[] shown)
    {
        var view = new RecordingView();
        view.Registration = _live.Register(view);
        view.Registration.Update(interest, shown);
        return view;
    }

    private sealed class RecordingView : ILiveView
    {
        public LiveRegistration Registration { get; set; } = default!;

        public int Heard { get; private set; }

        public void Deliver(DirectoryChangedEventArgs change) => Heard++;
    }

    private sealed class ManualFeed : IDirectoryChangeFeed
    {
        public event EventHandler<DirectoryChangedEventArgs>? Changed;

        public void Raise(DirectoryChangedEventArgs change) => Changed?.Invoke(this, change);
    }
}
