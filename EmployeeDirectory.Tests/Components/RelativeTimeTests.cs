using EmployeeDirectory.Web.Components.Presence;

namespace EmployeeDirectory.Tests.Components;

public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(5 * 60, "5 min ago")]
    [InlineData(59 * 60 + 59, "59 min ago")]
    [InlineData(3 * 3600 + 10, "3 h ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(5 * 86400, "5 days ago")]
    [InlineData(-120, "just now")]
    public void SinceTextsReadLikeSpeech(int secondsAgo, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(-secondsAgo), Now));

    [Fact]
    public void TheAbsoluteTimeIsShownInUtc() =>
        Assert.Equal("Tue 4 Mar 2025, 13:30 UTC", RelativeTime.Absolute(new DateTimeOffset(2025, 3, 4, 15, 30, 0, TimeSpan.FromHours(2))));
}
