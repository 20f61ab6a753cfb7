using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Web.Components.Pages.Directory;
using MudBlazor;

namespace EmployeeDirectory.Tests.Components;

public sealed class DirectoryUrlTests
{
    [Fact]
    public void AQueryRoundTripsThroughItsUrlParameters()
    {
        var query = new DirectoryQuery
        {
            Text = "ada",
            Department = "Engineering",
            Status = PresenceStatus.In,
            Sort = DirectorySort.TitleDescending,
            Page = 3,
            PageSize = 50,
        };

        var parameters = DirectoryUrl.ToParameters(query);
        var parsed = DirectoryUrl.Parse(
            (string?)parameters[DirectoryUrl.Text],
            (string?)parameters[DirectoryUrl.Department],
            (string?)parameters[DirectoryUrl.Status],
            (string?)parameters[DirectoryUrl.Sort],
            (int?)parameters[DirectoryUrl.Page],
            (int?)parameters[DirectoryUrl.PageSize]);

        Assert.Equal(query, parsed);
        Assert.Equal("in", parameters[DirectoryUrl.Status]);
        Assert.Equal("TitleDescending", parameters[DirectoryUrl.Sort]);
    }

    [Fact]
    public void DefaultsAreLeftOutOfTheUrl()
    {
        var parameters = DirectoryUrl.ToParameters(new DirectoryQuery());

        Assert.All(parameters.Values, Assert.Null);
    }

    [Theory]
    [InlineData("sideways", "NoSuchSort", 0, 1000)]
    [InlineData("", "7", -4, 0)]
    [InlineData(null, "  ", null, null)]
    public void NonsenseInTheAddressBarFallsBackToTheDefaults(string? status, string? sort, int? page, int? pageSize)
    {
        var parsed = DirectoryUrl.Parse("   ", "", status, sort, page, pageSize);

        Assert.Equal(new DirectoryQuery(), parsed);
    }

    [Fact]
    public void StatusAndSortAreReadCaseInsensitively()
    {
        var parsed = DirectoryUrl.Parse(null, null, "OUT", "locationdescending", null, null);

        Assert.Equal(PresenceStatus.Out, parsed.Status);
        Assert.Equal(DirectorySort.LocationDescending, parsed.Sort);
    }

    [Fact]
    public void OverlongSearchTextAndDepartmentAreCutToTheLongestTheServiceAccepts()
    {
        var tooLong = new string('x', DirectoryQuery.MaxTextLength + 50);
        var parsed = DirectoryUrl.Parse(tooLong, tooLong, null, null, null, null);

        Assert.Equal(DirectoryQuery.MaxTextLength, parsed.Text!.Length);
        Assert.Equal(DirectoryQuery.MaxTextLength, parsed.Department!.Length);
    }

    [Theory]
    [InlineData(DirectorySortLabels.Name, SortDirection.Ascending, DirectorySort.Name)]
    [InlineData(DirectorySortLabels.Name, SortDirection.Descending, DirectorySort.NameDescending)]
    [InlineData(DirectorySortLabels.Department, SortDirection.Descending, DirectorySort.DepartmentDescending)]
    [InlineData(DirectorySortLabels.Location, SortDirection.Ascending, DirectorySort.Location)]
    public void EachColumnHeaderMapsToItsSortAndBack(string label, SortDirection direction, DirectorySort sort)
    {
        Assert.Equal(sort, DirectorySortLabels.ToSort(label, direction));
        Assert.Equal(direction, DirectorySortLabels.DirectionFor(label, sort));
        Assert.Equal(SortDirection.None, DirectorySortLabels.DirectionFor(DirectorySortLabels.Title, sort));
    }

    [Fact]
    public void AnUnsortedTableKeepsTheCurrentSort() =>
        Assert.Null(DirectorySortLabels.ToSort(DirectorySortLabels.Title, SortDirection.None));

    [Fact]
    public void APathCarriesTheQueryEscapedAndLeavesDefaultsOut()
    {
        Assert.Equal("/", DirectoryUrl.PathOf(new DirectoryQuery()));
        Assert.Equal(
            "/?q=R%26D%20lead&department=Engineering&status=in&sort=TitleDescending&page=3&pageSize=50",
            DirectoryUrl.PathOf(new DirectoryQuery { Text = "R&D lead", Department = "Engineering", Status = PresenceStatus.In, Sort = DirectorySort.TitleDescending, Page = 3, PageSize = 50 }));
    }

    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(1, 5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(1, 20, new[] { 1, 2, 3, 0, 20 })]
    [InlineData(10, 20, new[] { 1, 0, 9, 10, 11, 0, 20 })]
    [InlineData(4, 20, new[] { 1, 2, 3, 4, 5, 0, 20 })]
    [InlineData(20, 20, new[] { 1, 0, 18, 19, 20 })]
    public void ThePagerShowsTheEndsThePagesAroundTheCurrentOneAndGapsBetween(int current, int count, int[] expected) =>
        Assert.Equal(expected.Select(n => n == 0 ? (int?)null : n), PageNumbers.For(current, count));
}
