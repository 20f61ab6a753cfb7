using BenchmarkDotNet.Running;
using EmployeeDirectory.Benchmarks;

// Run with: dotnet run -c Release --project EmployeeDirectory.Benchmarks -- --filter '*'  (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(L1HitBenchmarks).Assembly).Run(args);
