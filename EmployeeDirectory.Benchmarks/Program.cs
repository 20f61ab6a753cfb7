using BenchmarkDotNet.Running;
using EmployeeDirectory.Benchmarks;

// Run with: dotnet run -c Release --project EmployeeDirectory.Benchmarks -- --filter '*'  (see docs/benchmarks.md)
// or, for the roster's build time and memory: ... -- --roster-memory [employees]
if (args is ["--roster-memory", ..])
{
    RosterMemoryReport.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(L1HitBenchmarks).Assembly).Run(args);
