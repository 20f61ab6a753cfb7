namespace EmployeeDirectory.Tests.Observability;

/// <summary>
/// Tests that read counts from an app's <c>/metrics</c>, run while no other test runs. Every app in the test
/// process names its meters alike, and OpenTelemetry listens by name: another app's sign-ins would add to these
/// counts, and another app's disposal would end the shared metric stream here (open-telemetry/opentelemetry-dotnet#6412).
/// A deployed server runs one app per process, where neither can happen.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsTestGroup
{
    public const string Name = "Metrics";
}
