using System.Globalization;

namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// One fault scenario's figures, printed to the test output as one line starting with <see cref="Marker"/>
/// (scripts/faults.sh collects these lines). Requests: API requests the scenario's clients sent. Failures:
/// those that threw or answered anything but a success (expected refusals, such as the 503s of the database
/// outage, are counted apart by the scenario). Lost writes: writes answered with a success whose change the
/// database does not hold at the end. Stale reads: see <see cref="PresenceLedger"/>. Recovery: as the
/// scenario defines it, in its <paramref name="RecoveryMeasures"/>.
/// </summary>
internal sealed record FaultFigures(
    string Scenario,
    long Requests,
    int Failures,
    int LostWrites,
    int StaleReads,
    TimeSpan? Recovery,
    string RecoveryMeasures,
    string? Also = null)
{
    public const string Marker = "fault figures:";

    public override string ToString()
    {
        var recovery = Recovery is { } span ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s") : "n/a";
        var also = Also is null ? "" : $"; {Also}";
        return $"{Marker} {Scenario}: requests {Requests}, failures {Failures}, lost writes {LostWrites}, stale reads {StaleReads}, recovery {recovery} ({RecoveryMeasures}){also}";
    }

    /// <summary>Writes the line to the test's output.</summary>
    public void Print() => TestContext.Current.TestOutputHelper?.WriteLine(ToString());
}
