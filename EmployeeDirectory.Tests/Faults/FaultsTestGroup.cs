namespace EmployeeDirectory.Tests.Faults;

/// <summary>
/// The fault scenarios kill, pause and lock what the app depends on, and time its recovery: they run one at a
/// time, after every other test, so neither they nor the rest of the suite compete for the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsTestGroup
{
    public const string Name = "Faults";
}
