using System.Runtime.CompilerServices;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Tests.Employees;

/// <summary>Measurements of the managed heap, taken while no other test runs (they would allocate in between).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurementGroup
{
    public const string Name = "Heap measurement";
}

/// <summary>
/// <see cref="RosterIndex.EstimatedBytes"/> is what the index really holds: compared with the growth of the
/// managed heap (after full collections) across creating an index that nothing else references.
/// </summary>
[Collection(HeapMeasurementGroup.Name)]
public sealed class RosterIndexMemoryTests
{
    private const int Employees = 20_000;
    private const double Tolerance = 0.05;

    [Fact]
    public void TheEstimateOfABuiltIndexIsItsMeasuredSize()
    {
        var (index, measured) = Measure(() => RosterIndex.Build(DemoRosterEntries.Generate(Employees), DemoRosterEntries.Departments));

        AssertClose(measured, index.EstimatedBytes);
    }

    [Fact]
    public void TheEstimateOfAPatchedIndexIsItsMeasuredSize()
    {
        var (index, measured) = Measure(() =>
        {
            var entries = DemoRosterEntries.Generate(Employees);
            var patched = RosterIndex.Build(entries, DemoRosterEntries.Departments);
            for (var i = 0; i < 300; i++)
            {
                var donor = entries[(i * 7919) % entries.Count];
                patched = patched.With(i % 10 == 0
                    ? donor with { Id = 1_000_000 + i, Email = $"new{i}@contoso.example" }
                    : entries[i * 31] with { FamilyName = donor.FamilyName + "-" + i, Title = donor.Title, Email = $"moved{i}@fabrikam.example" });
            }

            return patched;
        });

        AssertClose(measured, index.EstimatedBytes);
    }

    private static void AssertClose(long measured, long estimated) =>
        Assert.True(
            Math.Abs(estimated - measured) <= measured * Tolerance,
            $"EstimatedBytes is {estimated:N0} but the index measured {measured:N0} bytes ({(double)estimated / measured:P1}).");

    /// <summary>
    /// Heap growth across <paramref name="create"/>, after warming up everything it uses once; the median of three
    /// measurements, since the heap is the whole process's (a background thread of the test host that frees or
    /// allocates in between moves one measurement, not three).
    /// </summary>
    private static (RosterIndex Index, long Measured) Measure(Func<RosterIndex> create)
    {
        _ = Create(create);
        var measurements = new List<(RosterIndex Index, long Measured)>();
        for (var i = 0; i < 3; i++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var index = Create(create);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(index);
            measurements.Add((index, after - before));
        }

        return measurements.OrderBy(m => m.Measured).ElementAt(1);
    }

    // Not inlined, so nothing but the index returned outlives the call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RosterIndex Create(Func<RosterIndex> create) => create();
}
