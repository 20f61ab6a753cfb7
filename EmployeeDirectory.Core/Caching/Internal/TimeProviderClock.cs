using Microsoft.Extensions.Internal;

namespace EmployeeDirectory.Core.Caching.Internal;

/// <summary>Lets MemoryCache expire entries by the same <see cref="TimeProvider"/> the rest of the cache uses (tests use a fake one).</summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : ISystemClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
