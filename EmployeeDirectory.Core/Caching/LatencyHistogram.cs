namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// A lock-free latency histogram with logarithmic buckets (four per doubling, 1 µs to ~70 s), good for
/// p50/p99 within about 10%. Counts only go up; callers diff snapshots for a window.
/// </summary>
public sealed class LatencyHistogram
{
    private const int BucketsPerDoubling = 4;
    private const int BucketCount = 26 * BucketsPerDoubling;
    private readonly long[] _buckets = new long[BucketCount + 1];
    private long _count;

    /// <summary>Samples recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Records one lookup that took <paramref name="milliseconds"/>.</summary>
    public void Record(double milliseconds)
    {
        Interlocked.Increment(ref _buckets[BucketOf(milliseconds)]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The latency below which <paramref name="quantile"/> of the samples fall, in milliseconds; 0 when empty.</summary>
    public double Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return UpperBoundOf(i);
            }
        }

        return UpperBoundOf(_buckets.Length - 1);
    }

    private static int BucketOf(double milliseconds)
    {
        var microseconds = milliseconds * 1000;
        if (microseconds <= 1)
        {
            return 0;
        }

        var bucket = (int)Math.Ceiling(Math.Log2(microseconds) * BucketsPerDoubling);
        return Math.Clamp(bucket, 0, BucketCount);
    }

    private static double UpperBoundOf(int bucket) => Math.Pow(2, (double)bucket / BucketsPerDoubling) / 1000;
}
