using EmployeeDirectory.Web.Admin;

namespace EmployeeDirectory.Tests.Admin;

public sealed class CacheFormatTests
{
    [Theory]
    [InlineData(-5, "expired")]
    [InlineData(0, "expired")]
    [InlineData(99, "0.0 s")]
    [InlineData(1_250, "1.2 s")]
    [InlineData(59_999, "59.9 s")]
    [InlineData(60_000, "1m 00s")]
    [InlineData(754_000, "12m 34s")]
    [InlineData(3_600_000, "1h 00m 00s")]
    [InlineData(86_399_000, "23h 59m 59s")]
    [InlineData(93_784_000, "1d 2h 03m 04s")]
    public void TtlsShowTenthsUnderAMinuteAndWholeUnitsAbove(long milliseconds, string expected) =>
        Assert.Equal(expected, CacheFormat.Ttl(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("1.00:00:00", "24 h")]
    [InlineData("00:05:00", "5 min")]
    [InlineData("00:01:00", "1 min")]
    [InlineData("00:00:45", "45 s")]
    [InlineData("00:00:01.5", "1.5 s")]
    public void ConfiguredDurationsUseTheirLargestWholeUnit(string duration, string expected) =>
        Assert.Equal(expected, CacheFormat.Duration(TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(2_048, "2.0 KB")]
    [InlineData(3_145_728, "3.0 MB")]
    public void SizesUseBinaryUnits(long bytes, string expected) => Assert.Equal(expected, CacheFormat.Bytes(bytes));

    [Fact]
    public void LatenciesUseMicrosecondsBelowAMillisecondAndADashWithoutSamples()
    {
        Assert.Equal("—", CacheFormat.Latency(0, samples: 0));
        Assert.Equal("42 µs", CacheFormat.Latency(0.042, samples: 1));
        Assert.Equal("1.5 ms", CacheFormat.Latency(1.5, samples: 1));
        Assert.Equal("—", CacheFormat.Ratio(null));
        Assert.Equal("97.5 %", CacheFormat.Ratio(0.975));
    }
}
