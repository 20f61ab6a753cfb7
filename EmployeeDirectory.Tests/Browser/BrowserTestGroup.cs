using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.Browser;

/// <summary>Browser tests share one Chromium and run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
