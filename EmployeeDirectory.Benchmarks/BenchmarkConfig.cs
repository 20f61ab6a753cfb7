using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// The one job every benchmark here runs: BenchmarkDotNet's short run (one launch) with 5 warm-up and 15
/// measured iterations instead of 3 and 3. The machine is shared, so single iterations are often hit by
/// other work; fifteen give a median that survives that, and the whole run still takes about 7.5 minutes.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(15).WithId("Short15"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }
}
