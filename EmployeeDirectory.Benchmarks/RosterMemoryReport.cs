using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Tests.Employees;

namespace EmployeeDirectory.Benchmarks;

/// <summary>
/// Prints what the roster costs at a given size: the time to build the index, its <see cref="RosterIndex.EstimatedBytes"/>,
/// and the managed heap it really takes (growth across creating it, after full collections), next to the roster
/// the scan searched (entries as read back from JSON, their search texts and the eight sort orders).
/// Run with: dotnet run -c Release --project EmployeeDirectory.Benchmarks -- --roster-memory [employees]
/// </summary>
internal static class RosterMemoryReport
{
    private const int Builds = 5;

    public static void Print(int employees)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(DemoRosterEntries.Generate(employees));
        Loaded(json);
        RosterIndex.Build(Loaded(json), DemoRosterEntries.Departments);

        var (index, indexBytes) = Measure(() => RosterIndex.Build(Loaded(json), DemoRosterEntries.Departments));
        var (_, scanBytes) = Measure(() => ScanRoster(Loaded(json)));
        var entries = Loaded(json);
        var builds = new List<double>();
        for (var i = 0; i < Builds; i++)
        {
            var build = Stopwatch.StartNew();
            RosterIndex.Build(entries, DemoRosterEntries.Departments);
            builds.Add(build.Elapsed.TotalMilliseconds);
        }

        builds.Sort();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            employees:                         {index.Employees.Count:N0}
            index build (entries in memory):   {builds[Builds / 2]:N0} ms median of {Builds} (fastest {builds[0]:N0} ms)
            index EstimatedBytes:              {index.EstimatedBytes / 1e6:N1} MB
            index measured (managed heap):     {indexBytes / 1e6:N1} MB
            scan roster measured (before):     {scanBytes / 1e6:N1} MB
            """));
    }

    /// <summary>The roster as a cache read it back: every entry with strings of its own.</summary>
    private static List<RosterEntry> Loaded(byte[] json) => JsonSerializer.Deserialize<List<RosterEntry>>(json)!;

    private static ScanSearchOracle.Roster ScanRoster(List<RosterEntry> entries)
    {
        var roster = new ScanSearchOracle.Roster(entries);
        roster.SearchTextOf(0);
        foreach (var sort in Enum.GetValues<DirectorySort>())
        {
            roster.Order(sort);
        }

        return roster;
    }

    private static (T Value, long Bytes) Measure<T>(Func<T> create)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var value = Create(create);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(value);
        return (value, after - before);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Create<T>(Func<T> create) => create();
}
