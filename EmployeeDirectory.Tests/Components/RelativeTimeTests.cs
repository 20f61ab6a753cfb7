using EmployeeDirectory.Web.Components.Presence;
using EmployeeDirectory.Web.Components.Time;

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
    public void WithoutTheViewersZoneTheAbsoluteTimeIsShownInUtc() =>
        Assert.Equal("Tue 4 Mar 2025, 13:30 (UTC)", ViewerTime.Utc.Absolute(new DateTimeOffset(2025, 3, 4, 15, 30, 0, TimeSpan.FromHours(2))));

    [Fact]
    public void TheAbsoluteTimeIsShownInTheViewersZone() =>
        Assert.Equal("Tue 4 Mar 2025, 08:30 (America/New_York)", ViewerTime.From("America/New_York").Absolute(new DateTimeOffset(2025, 3, 4, 15, 30, 0, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData("Europe/Berlin", 15, 0, "4:00 pm")]
    [InlineData("Asia/Tokyo", 15, 0, "12:00 am")]
    [InlineData("Asia/Tokyo", 14, 0, "Tue 11:00 pm")]
    [InlineData("UTC", 9, 5, "9:05 am")]
    public void ABackAtTimeReadsAsAClockTimeInTheViewersZoneWithTheDayWhenNotToday(string zone, int utcHour, int minute, string expected) =>
        Assert.Equal(expected, ViewerTime.From(zone).Clock(new DateTimeOffset(2025, 3, 4, utcHour, minute, 0, TimeSpan.Zero), Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    [InlineData("../../etc/passwd")]
    public void AnUnknownOrMissingZoneFallsBackToUtc(string? zone) =>
        Assert.Same(ViewerTime.Utc, ViewerTime.From(zone));

    [Fact]
    public void AWallClockTimeInTheViewersZoneBecomesTheRightMoment() =>
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 16, 0, 0, TimeSpan.Zero), ViewerTime.From("Europe/Berlin").FromLocal(new DateTime(2025, 3, 4, 17, 0, 0)).ToUniversalTime());
}
